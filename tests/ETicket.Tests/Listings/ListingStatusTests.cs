using System.Security.Cryptography;
using ETicket.Domain.Listings;

namespace ETicket.Tests.Listings;

/// <summary>A listing's status as of a moment, in C# and in the SQL filter, and its transitions.</summary>
public sealed class ListingStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset StartsAt = Now.AddDays(2);
    private static readonly TicketCodeVault Vault = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void An_on_sale_listing_is_expired_from_its_expiry_on()
    {
        var listing = Publish();
        Assert.Equal(StartsAt, listing.ExpiresAt);
        Assert.Equal(ListingStatus.OnSale, listing.StatusAt(StartsAt.AddMilliseconds(-1)));
        Assert.Equal(ListingStatus.Expired, listing.StatusAt(StartsAt));
        Assert.Equal(ListingStatus.OnSale, listing.Status); // nothing recorded yet
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void The_sql_filter_agrees_with_StatusAt(int millisecondsFromExpiry)
    {
        var at = StartsAt.AddMilliseconds(millisecondsFromExpiry);
        var onSale = Publish();
        var withdrawn = Publish();
        withdrawn.Withdraw();
        var recordedExpired = Publish();
        recordedExpired.Expire(StartsAt);

        foreach (var listing in new[] { onSale, withdrawn, recordedExpired })
        {
            foreach (var status in Enum.GetValues<ListingStatus>())
                Assert.Equal(listing.StatusAt(at) == status, EffectiveListingStatus.Is(status, at).Compile()(listing));
        }
    }

    [Fact]
    public void Expiry_is_recorded_only_when_due_and_frees_the_code()
    {
        var listing = Publish();
        Assert.False(listing.Expire(StartsAt.AddMilliseconds(-1)));
        Assert.NotNull(listing.ActiveCodeHash);

        Assert.True(listing.Expire(StartsAt));
        Assert.Equal(ListingStatus.Expired, listing.Status);
        Assert.Null(listing.ActiveCodeHash);
        Assert.False(listing.Expire(StartsAt));
    }

    [Fact]
    public void Only_a_listing_on_sale_changes_price_or_is_withdrawn()
    {
        var listing = Publish();
        var version = listing.Version;
        Assert.Null(listing.RepricedAt);
        Assert.True(listing.ChangePrice(90m, Now.AddHours(1)));
        Assert.Equal(90m, listing.Price);
        Assert.Equal(Now.AddHours(1), listing.RepricedAt);
        Assert.True(listing.Version > version);

        Assert.True(listing.Withdraw());
        Assert.Null(listing.ActiveCodeHash);
        Assert.False(listing.Withdraw());
        Assert.False(listing.ChangePrice(80m, Now.AddHours(2)));
        Assert.Equal(90m, listing.Price);
        Assert.Equal(Now.AddHours(1), listing.RepricedAt);
    }

    private static Listing Publish() => Listing.Publish("00000000000000000000000000005e11",
        new NewListing(TicketCategory.Concert, "周杰伦上海演唱会", FaceValue: 100m, Price: 100m, TicketCode: "CODE",
            City: "上海", Venue: "梅赛德斯奔驰文化中心", StartsAt: StartsAt),
        Vault, Now);
}
