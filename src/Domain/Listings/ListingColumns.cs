namespace ETicket.Domain.Listings;

/// <summary>
/// Columns of a listing a read loads. A list page loads only what its answer shows (a market page
/// shows a title, a price and a seller), which halves the work of reading a row; see
/// ListingReader.PageAsync (Services).
/// </summary>
[Flags]
public enum ListingColumns
{
    None = 0,
    Id = 1 << 0,
    SellerId = 1 << 1,
    Category = 1 << 2,
    Title = 1 << 3,
    Country = 1 << 4,
    City = 1 << 5,
    Venue = 1 << 6,
    StartsAt = 1 << 7,
    EndsAt = 1 << 8,
    Seat = 1 << 9,
    FaceValue = 1 << 10,
    Price = 1 << 11,
    Status = 1 << 12,
    ImageUrls = 1 << 13,
    PublishedAt = 1 << 14,
    ExpiresAt = 1 << 15,
    Version = 1 << 16,
    TicketCodeHash = 1 << 17,
    ActiveCodeHash = 1 << 18,
    CodeRevoked = 1 << 19,
    All = (1 << 20) - 1,
}
