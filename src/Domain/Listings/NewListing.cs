namespace ETicket.Domain.Listings;

/// <summary>What a seller fills in to list a ticket.</summary>
/// <param name="TicketCode">The typed code; empty when it is to be read from the pictures.</param>
/// <param name="PictureIds">Pictures uploaded for this listing (uploadTicketPicture), in order.</param>
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
    IReadOnlyList<string>? ImageUrls = null,
    IReadOnlyList<string>? PictureIds = null);
