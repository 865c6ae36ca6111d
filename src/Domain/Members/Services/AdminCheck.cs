using ETicket.Domain.Common;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Members.Services;

public static class AdminCheck
{
    /// <summary>
    /// FORBIDDEN (<paramref name="refusal"/>) unless <paramref name="memberId"/> is an admin. Checked against
    /// the stored role, not the token: an admin removed from configuration loses the right at their next
    /// sign-in, and a token cannot outlive that by claiming it.
    /// </summary>
    public static async Task RequireAdminAsync(this ETicketDbContext db, string memberId, string refusal, CancellationToken cancellationToken)
    {
        if (!await db.Members.AnyAsync(m => m.Id == memberId && m.IsAdmin, cancellationToken))
            throw AccessDeniedException.Forbidden(refusal);
    }
}
