namespace ETicket.Domain.Events;

/// <summary>A newly published listing matches an open wanted request (求购).</summary>
public sealed record WantedRequestMatched(string WantedRequestId, string MemberId, string ListingId) : DomainEvent;
