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

    /// <summary>
    /// When the price last changed; null while it is the price it was published at. The price is the
    /// one sort key of a listing that moves, so search paging leaves out what was repriced since its
    /// first page.
    /// </summary>
    public DateTimeOffset? RepricedAt { get; private set; }

    /// <summary>When the listing leaves the market by itself (see <see cref="ListingExpiry"/>).</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Optimistic concurrency: two changes to one listing cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>The long and the secret columns, loaded only when asked for (see <see cref="ListingText"/>).</summary>
    public ListingText Text { get; private set; } = null!;

    /// <summary>Keyed hash of the normalized code: finds duplicates without decrypting.</summary>
    public string TicketCodeHash { get; private set; } = "";

    /// <summary>
    /// The code hash while the listing holds its code on the market (ON_SALE or RESERVED), else null.
    /// A unique index on it stops two live listings of one code even when they are published at once.
    /// </summary>
    public string? ActiveCodeHash { get; private set; }

    /// <summary>The code was refunded once: it is never sold again.</summary>
    public bool CodeRevoked { get; private set; }

    /// <summary>The status as of <paramref name="now"/>: an ON_SALE listing past its expiry is EXPIRED before any job records it.</summary>
    public ListingStatus StatusAt(DateTimeOffset now) =>
        Status == ListingStatus.OnSale && ExpiresAt <= now ? ListingStatus.Expired : Status;

    /// <summary>Only the seller changes a listing, and only while it is on sale; null when <paramref name="memberId"/> may.</summary>
    public UserError? CheckChangeableBy(string memberId, DateTimeOffset now)
    {
        if (SellerId != memberId)
            return new UserError(UserErrorCode.NotAllowed, "Only the seller can change this listing.", "listingId");
        var status = StatusAt(now);
        return status == ListingStatus.OnSale
            ? null
            : new UserError(UserErrorCode.ListingNotAvailable, $"Only a listing on sale can be changed; this one is {ContractNames.Of(status)}.", "listingId");
    }

    public static Listing Publish(string sellerId, NewListing details, TicketCodeVault vault, DateTimeOffset now)
    {
        var listing = new Listing
        {
            Id = Ids.New(),
            SellerId = sellerId,
            Category = details.Category,
            Title = details.Title.Trim(),
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
            ExpiresAt = ListingExpiry.For(details.Category, details.StartsAt, details.EndsAt)
                ?? throw new ArgumentException("A listing needs the date it expires at; check PublishListingRules first.", nameof(details)),
            TicketCodeHash = vault.Hash(details.TicketCode),
        };
        listing.ActiveCodeHash = listing.TicketCodeHash;
        listing.Text = ListingText.For(listing.Id, Texts.Clean(details.Description), vault.Encrypt(details.TicketCode, associatedId: listing.Id));
        return listing;
    }

    /// <summary>Takes a listing off the market; only one that is on sale.</summary>
    public bool Withdraw() => Move(ListingStatus.OnSale, ListingStatus.Withdrawn);

    /// <summary>Records that an on-sale listing passed its expiry.</summary>
    public bool Expire(DateTimeOffset now) => ExpiresAt <= now && Move(ListingStatus.OnSale, ListingStatus.Expired);

    public bool ChangePrice(decimal price, DateTimeOffset now)
    {
        if (Status != ListingStatus.OnSale)
            return false;
        Price = price;
        RepricedAt = now;
        Version++;
        return true;
    }

    /// <summary>Its order was cancelled: back on the market (or expired, if its time has passed).</summary>
    public bool Release(DateTimeOffset now)
    {
        if (!Move(ListingStatus.Reserved, ListingStatus.OnSale))
            return false;
        Expire(now);
        return true;
    }

    /// <summary>Its order completed.</summary>
    public bool MarkSold() => Move(ListingStatus.Reserved, ListingStatus.Sold);

    /// <summary>Its order was refunded: off the market, and the code is never sellable again.</summary>
    public bool WithdrawAfterRefund()
    {
        if (!Move(ListingStatus.Reserved, ListingStatus.Withdrawn))
            return false;
        CodeRevoked = true;
        return true;
    }

    private bool Move(ListingStatus from, ListingStatus to)
    {
        if (Status != from)
            return false;
        Status = to;
        ActiveCodeHash = to is ListingStatus.OnSale or ListingStatus.Reserved ? TicketCodeHash : null;
        Version++;
        return true;
    }

}
