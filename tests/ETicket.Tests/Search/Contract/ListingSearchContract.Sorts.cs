using ETicket.Search;

namespace ETicket.Tests.Search.Contract;

public abstract partial class ListingSearchContract
{
    [Fact]
    public async Task Relevance_puts_title_matches_first_then_newest_then_by_id()
    {
        var descriptionOnly = Listing("演唱会门票", description: "Coldplay 官方授权", publishedAt: Now.AddDays(-1));
        var oldTitle = Listing("Coldplay 上海站", publishedAt: Now.AddDays(-3));
        var newTitle = Listing("Coldplay Live", publishedAt: Now.AddDays(-2));
        var venueOnly = Listing("Music night", venue: "Coldplay Hall", publishedAt: Now.AddHours(-12));
        var cityOnly = Listing("Music night", city: "coldplay", publishedAt: Now.AddDays(-5));
        var twinA = Listing("Coldplay twin", publishedAt: Now.AddDays(-4));
        var twinB = Listing("Coldplay twin", publishedAt: Now.AddDays(-4));
        await Add(twinB, cityOnly, venueOnly, descriptionOnly, twinA, oldTitle, newTitle);

        Assert.Equal(Ids(newTitle, oldTitle, twinA, twinB, venueOnly, descriptionOnly, cityOnly), await Found("coldplay"));
    }

    [Fact]
    public async Task Relevance_counts_each_word_found_in_the_title()
    {
        var both = Listing("Coldplay 上海", publishedAt: Now.AddDays(-3));
        var one = Listing("Coldplay", city: "上海", publishedAt: Now.AddDays(-1));
        await Add(one, both);

        Assert.Equal(Ids(both, one), await Found("coldplay 上海"));
    }

    [Fact]
    public async Task Starts_at_ascending_puts_listings_without_a_start_last_and_breaks_ties_by_id()
    {
        var later = Listing("A", startsAt: Now.AddDays(3));
        var noneFirst = Listing("B");
        var soon = Listing("C", startsAt: Now.AddDays(1));
        var soonTwin = Listing("D", startsAt: Now.AddDays(1));
        var noneSecond = Listing("E");
        await Add(noneSecond, soonTwin, later, noneFirst, soon);

        Assert.Equal(Ids(soon, soonTwin, later, noneFirst, noneSecond), await Found(sort: ListingSearchSort.StartsAtAsc));
    }

    [Fact]
    public async Task Price_sorts_both_ways_and_break_ties_by_id()
    {
        var fifty = Listing("A", price: 50m);
        var twenty = Listing("B", price: 20m);
        var fiftyTwin = Listing("C", price: 50m);
        var eighty = Listing("D", price: 80.5m);
        await Add(eighty, fiftyTwin, twenty, fifty);

        Assert.Equal(Ids(twenty, fifty, fiftyTwin, eighty), await Found(sort: ListingSearchSort.PriceAsc));
        Assert.Equal(Ids(eighty, fifty, fiftyTwin, twenty), await Found(sort: ListingSearchSort.PriceDesc));
    }

    [Fact]
    public async Task Newest_puts_the_latest_published_first_and_breaks_ties_by_id()
    {
        var old = Listing("A", publishedAt: Now.AddDays(-9));
        var recent = Listing("B", publishedAt: Now.AddDays(-1));
        var recentTwin = Listing("C", publishedAt: Now.AddDays(-1));
        await Add(recentTwin, old, recent);

        Assert.Equal(Ids(recent, recentTwin, old), await Found(sort: ListingSearchSort.Newest));
    }
}
