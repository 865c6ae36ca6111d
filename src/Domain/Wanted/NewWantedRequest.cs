using ETicket.Domain.Listings;

namespace ETicket.Domain.Wanted;

/// <summary>What a member fills in to ask for a ticket; each optional criterion narrows what matches.</summary>
public sealed record NewWantedRequest(
    TicketCategory Category,
    string Keywords,
    string? City = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    decimal? MaxPrice = null);
