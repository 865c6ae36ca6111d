using ETicket.Domain.DemoData;
using ETicket.Domain.Listings;
using ETicket.Domain.Marketplace;
using ETicket.Domain.Members;

namespace ETicket.Tests.DemoData;

/// <summary>The generators the demo data and the search benchmark share: deterministic, within the platform's rules.</summary>
public sealed class DemoGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 17, 8, 0, 0, TimeSpan.Zero);
    private static readonly TicketCodeVault Vault = new(new byte[32]);

    [Fact]
    public void The_same_seed_makes_the_same_market_and_another_seed_another()
    {
        static List<string> Market(int seed)
        {
            var generator = new ListingGenerator(seed, Vault, Now, 0.20m, "TEST");
            return [.. Enumerable.Range(0, 200).Select(i => generator.Make(i, "seller")).Select(l => $"{l.Title}|{l.City}|{l.Venue}|{l.Price}|{l.StartsAt}|{l.Status}")];
        }

        Assert.Equal(Market(7), Market(7));
        Assert.NotEqual(Market(7), Market(8));
    }

    [Theory]
    [InlineData(0.20)]
    [InlineData(0.05)]
    public void Every_listing_keeps_the_publishing_rules_and_the_first_thirty_cover_every_city_and_category(double priceCap)
    {
        var cap = (decimal)priceCap;
        var generator = new ListingGenerator(1, Vault, Now, cap, "TEST");

        var listings = Enumerable.Range(0, 1000).Select(i => generator.Make(i, "seller")).ToList();

        Assert.All(listings, l => Assert.True(ListingPrices.CheckCap(l.Price, l.FaceValue, cap) is null, $"{l.Title}: {l.Price} for {l.FaceValue}"));
        Assert.All(listings, l => Assert.True(l.ExpiresAt > l.PublishedAt && l.PublishedAt <= Now));
        Assert.Equal(Catalog.Cities.Length, listings.Take(30).Select(l => l.City).Distinct().Count());
        Assert.Equal(Enum.GetValues<TicketCategory>().Length, listings.Take(30).Select(l => l.Category).Distinct().Count());
        Assert.Contains(listings, l => l.Title.Any(char.IsAsciiLetter) && l.Category == TicketCategory.Concert);
        Assert.Contains(listings, l => l.Status == ListingStatus.Withdrawn);
    }

    [Fact]
    public void Members_have_every_level_earned_by_the_trade_rules_and_skip_identities_already_taken()
    {
        var marketplace = new MarketplaceOptions();
        var people = new MemberGenerator(new Random(3), Now, marketplace, new HashSet<string> { "13900000001" });

        var admin = people.MakeAdmin();
        var members = Enumerable.Range(0, 300).Select(_ => people.Make()).ToList();

        Assert.True(admin.IsAdmin);
        Assert.Equal("13900000000", admin.PhoneNumber);
        Assert.DoesNotContain(members, m => m.PhoneNumber == "13900000001");
        Assert.Equal(Enum.GetValues<MembershipLevel>(), members.Select(m => m.MembershipLevel).Distinct().Order());
        // Earned per completed trade, lost per refund: multiples of the two rules' points.
        Assert.All(members, m => Assert.Equal(0, m.CreditPoints % 10));
        Assert.Contains(members, m => m.OpenId is not null);
        Assert.Contains(members, m => m.Nickname.Any(char.IsAsciiLetter));
        Assert.All(members, m => Assert.True(m.JoinedAt < Now - DemoHistory.FirstPublish));
    }
}
