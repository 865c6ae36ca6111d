using ETicket.Domain.Common;
using ETicket.Domain.Members.Sessions;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Members.Services;

/// <summary>Signs in by phone number alone, for development and tests; the host allows it only in Development.</summary>
public sealed class DevelopmentSignIn(ETicketDbContext db, SessionStarter sessions, TimeProvider clock, IOptions<MembersOptions> options)
{
    public Task<Outcome<Session>> SignInAsync(string phoneNumber, string? nickname, CancellationToken cancellationToken) =>
        SignInAsync(phoneNumber, nickname, retryOnConflict: true, cancellationToken);

    private async Task<Outcome<Session>> SignInAsync(string phoneNumber, string? nickname, bool retryOnConflict, CancellationToken cancellationToken)
    {
        var phone = phoneNumber.Trim();
        if (!PhoneNumbers.IsValid(phone))
            return UserError.Validation("phoneNumber", "A phone number is 6 to 20 digits, optionally after a '+'.");
        var name = Texts.Clean(nickname);
        if (name is not null && ProfileRules.CheckNickname(name) is { } invalidName)
            return invalidName;

        var member = await db.Members.SingleOrDefaultAsync(m => m.PhoneNumber == phone, cancellationToken);
        if (member is null)
        {
            member = Member.JoinWithPhoneNumber(phone, name, clock.Now());
            db.Members.Add(member);
        }
        member.ApplyAdminList(options.Value.Admins);

        try
        {
            return await sessions.StartAsync(member, cancellationToken);
        }
        catch (DbUpdateException) when (retryOnConflict && db.Entry(member).State == EntityState.Added)
        {
            // Someone joined with this number at the same moment: sign in to that member instead.
            db.ChangeTracker.Clear();
            return await SignInAsync(phoneNumber, nickname, retryOnConflict: false, cancellationToken);
        }
    }
}
