namespace ETicket.Domain.Members.Services;

/// <summary>What other modules do, in the same transaction, when a member is blacklisted.</summary>
public interface IMemberBlacklistedHandler
{
    /// <summary>Stages changes on the shared unit of work; the blacklisting saves them.</summary>
    Task OnBlacklistedAsync(string memberId, DateTimeOffset now, CancellationToken cancellationToken);
}
