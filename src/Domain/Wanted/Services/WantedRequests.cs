using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Persistence;
using ETicket.Domain.Persistence.QueryEngine.Keyset;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Wanted.Services;

/// <summary>Members post what they want and close it when done; everyone reads the board of open requests.</summary>
public sealed class WantedRequests(ETicketDbContext db, MemberStanding standing, TimeProvider clock)
{
    private static readonly Ordering<WantedRequest> NewestFirst = Ordering<WantedRequest>.NewestFirst(x => x.CreatedAt, x => x.Id);

    public async Task<Outcome<WantedRequest>> PostAsync(string memberId, NewWantedRequest details, CancellationToken cancellationToken)
    {
        if (await standing.CheckMayTradeAsync(memberId, cancellationToken) is { } barred)
            return barred;
        var errors = PostWantedRequestRules.Check(details);
        if (errors.Count > 0)
            return Outcome<WantedRequest>.Failure(errors);

        var request = WantedRequest.Post(memberId, details, clock.Now());
        db.WantedRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    /// <summary>Closes a request (<see cref="WantedRequest.CloseBy"/>).</summary>
    public async Task<Outcome<WantedRequest>> CloseAsync(string memberId, string wantedRequestId, CancellationToken cancellationToken)
    {
        var request = Ids.IsWellFormed(wantedRequestId)
            ? await db.WantedRequests.SingleOrDefaultAsync(r => r.Id == wantedRequestId, cancellationToken)
            : null;
        if (request is null)
            return new UserError(UserErrorCode.NotFound, "There is no such wanted request.", "wantedRequestId");
        if (request.CloseBy(memberId, clock.Now()) is { } refused)
            return refused;
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    public async Task<IReadOnlyDictionary<string, WantedRequest>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await db.WantedRequests.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);

    /// <summary>The board: open requests only, newest first, optionally of one category and one city (exact match).</summary>
    public Task<Page<WantedRequest>> PageOpenAsync(TicketCategory? category, string? city, PageRequest request, CancellationToken cancellationToken)
    {
        var open = db.WantedRequests.AsNoTracking().Where(r => r.Open);
        if (category is not null)
            open = open.Where(r => r.Category == category);
        // Stored cities are trimmed, and a blank one is no city.
        if (Texts.Clean(city) is { } cityName)
        {
            if (cityName.Length > WantedRequest.CityMaxLength)
                throw new BadInputException($"`city` has at most {WantedRequest.CityMaxLength} characters.");
            open = open.Where(r => r.City == cityName);
        }
        return KeysetPaging.PageAsync(open, NewestFirst, request, cancellationToken);
    }
}
