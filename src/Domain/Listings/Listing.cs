using ETicket.Domain.Common;

namespace ETicket.Domain.Listings;

/// <summary>An e-ticket offered for resale, with its secret code kept encrypted.</summary>
public sealed class Listing : IEntity
{
    private Listing() { }

    public string Id { get; private set; } = "";
    public string SellerId { get; private set; } = "";
    public TicketCategory Category { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public string? Country { get; private set; }
    public string? City { get; private set; }
    public string? Venue { get; private set; }
    public DateTimeOffset? StartsAt { get; private set; }
    public DateTimeOffset? EndsAt { get; private set; }
    public string? Seat { get; private set; }
    public decimal FaceValue { get; private set; }
    public decimal Price { get; private set; }
    public ListingStatus Status { get; private set; }
    public List<string> ImageUrls { get; private set; } = [];
    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>The ticket code, encrypted (AES-GCM, bound to this listing's id).</summary>
    public byte[] TicketCodeCipher { get; private set; } = [];

    /// <summary>Keyed hash of the normalized code: finds duplicates without decrypting.</summary>
    public string TicketCodeHash { get; private set; } = "";

    public static Listing Publish(string sellerId, PublishListing details, TicketCodeVault vault, DateTimeOffset now)
    {
        var listing = new Listing
        {
            Id = Ids.New(),
            SellerId = sellerId,
            Category = details.Category,
            Title = details.Title.Trim(),
            Description = Texts.Clean(details.Description),
            Country = Texts.Clean(details.Country),
            City = Texts.Clean(details.City),
            Venue = Texts.Clean(details.Venue),
            StartsAt = details.StartsAt,
            EndsAt = details.EndsAt,
            Seat = Texts.Clean(details.Seat),
            FaceValue = details.FaceValue,
            Price = details.Price,
            Status = ListingStatus.OnSale,
            ImageUrls = [.. details.ImageUrls ?? []],
            PublishedAt = now,
            TicketCodeHash = vault.Hash(details.TicketCode),
        };
        listing.TicketCodeCipher = vault.Encrypt(details.TicketCode, associatedId: listing.Id);
        return listing;
    }

    /// <summary>Takes a listing off the market; only one that is on sale.</summary>
    public bool Withdraw()
    {
        if (Status != ListingStatus.OnSale)
            return false;
        Status = ListingStatus.Withdrawn;
        return true;
    }

    public string RevealTicketCode(TicketCodeVault vault) => vault.Decrypt(TicketCodeCipher, associatedId: Id);
}
