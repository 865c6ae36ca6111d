namespace ETicket.Domain.Listings;

/// <summary>What a seller fills in to list a ticket.</summary>
public sealed record NewListing(
    TicketCategory Category,
    string Title,
    decimal FaceValue,
    decimal Price,
    string TicketCode,
    string? Description = null,
    string? Country = null,
    string? City = null,
    string? Venue = null,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? EndsAt = null,
    string? Seat = null,
    IReadOnlyList<string>? ImageUrls = null);
