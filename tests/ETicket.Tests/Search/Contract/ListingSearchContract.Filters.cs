using ETicket.Domain.Listings;

namespace ETicket.Tests.Search.Contract;

public abstract partial class ListingSearchContract
{
    [Fact]
    public async Task Only_listings_on_sale_and_unexpired_are_found()
    {
        var onSale = Listing("Coldplay A");
        var expiringLater = Listing("Coldplay B", expiresAt: Now.AddSeconds(1));
        await Add(onSale, expiringLater,
            Listing("Coldplay C", expiresAt: Now),
            Listing("Coldplay D", expiresAt: Now.AddDays(-1)),
            Listing("Coldplay E", status: ListingStatus.Reserved),
            Listing("Coldplay F", status: ListingStatus.Sold),
            Listing("Coldplay G", status: ListingStatus.Withdrawn),
            Listing("Coldplay H", status: ListingStatus.Expired));

        Assert.Equal(Ids(onSale, expiringLater).Order(), (await Found("coldplay")).Order());
        var page = await Search();
        Assert.Equal(2, page.TotalCount);
        Assert.Equal(2, Assert.Single(page.CategoryCounts).Count);
    }

    [Fact]
    public async Task Categories_match_any_of_them()
    {
        var concert = Listing("A", category: TicketCategory.Concert);
        var film = Listing("B", category: TicketCategory.Film);
        var show = Listing("C", category: TicketCategory.Show);
        await Add(concert, film, show);

        Assert.Equal(Ids(concert, film).Order(), (await Found(categories: [TicketCategory.Concert, TicketCategory.Film])).Order());
        Assert.Equal(Ids(show), await Found(categories: [TicketCategory.Show]));
        Assert.Empty(await Found(categories: [TicketCategory.Food]));
    }

    [Fact]
    public async Task City_matches_exactly()
    {
        var shanghai = Listing("A", city: "上海");
        await Add(shanghai, Listing("B", city: "上海市"), Listing("C", city: "Shanghai"), Listing("D"));

        Assert.Equal(Ids(shanghai), await Found(city: "上海"));
        Assert.Equal(Ids(shanghai), await Found(city: "  上海 "));
        Assert.Empty(await Found(city: "上"));
        Assert.Empty(await Found(city: "shanghai"));
    }

    [Fact]
    public async Task Start_dates_are_an_inclusive_range_that_a_listing_without_one_never_matches()
    {
        var from = Now.AddDays(1);
        var to = Now.AddDays(3);
        var atFrom = Listing("A", startsAt: from);
        var inside = Listing("B", startsAt: Now.AddDays(2));
        var atTo = Listing("C", startsAt: to);
        var before = Listing("D", startsAt: from.AddTicks(-1));
        var after = Listing("E", startsAt: to.AddTicks(1));
        await Add(atFrom, inside, atTo, before, after, Listing("F (no start time)"));

        Assert.Equal(Ids(atFrom, inside, atTo), (await Found(startsFrom: from, startsTo: to)).Order());
        Assert.Equal(Ids(atFrom, inside, atTo, after), (await Found(startsFrom: from)).Order());
        Assert.Equal(Ids(atFrom, inside, atTo, before), (await Found(startsTo: to)).Order());
        Assert.Equal(6, (await Found()).Count);
    }

    [Fact]
    public async Task Prices_are_an_inclusive_range()
    {
        var low = Listing("A", price: 99.99m);
        var high = Listing("B", price: 100m);
        var above = Listing("C", price: 100.01m);
        await Add(Listing("D", price: 99.98m), low, high, above);

        Assert.Equal(Ids(low, high), (await Found(minPrice: 99.99m, maxPrice: 100m)).Order());
        Assert.Equal(Ids(low, high, above), (await Found(minPrice: 99.99m)).Order());
        Assert.Equal(Ids(high), await Found(minPrice: 100m, maxPrice: 100m));
        Assert.Empty(await Found(minPrice: 100.001m, maxPrice: 100.009m));
    }

    [Fact]
    public async Task Text_and_every_filter_apply_together()
    {
        var match = Listing("周杰伦演唱会", city: "上海", category: TicketCategory.Concert, startsAt: Now.AddDays(5), price: 880m);
        await Add(match,
            Listing("周杰伦演唱会", city: "北京", category: TicketCategory.Concert, startsAt: Now.AddDays(5), price: 880m),
            Listing("周杰伦演唱会", city: "上海", category: TicketCategory.Show, startsAt: Now.AddDays(5), price: 880m),
            Listing("周杰伦演唱会", city: "上海", category: TicketCategory.Concert, startsAt: Now.AddDays(50), price: 880m),
            Listing("周杰伦演唱会", city: "上海", category: TicketCategory.Concert, startsAt: Now.AddDays(5), price: 1880m),
            Listing("林俊杰演唱会", city: "上海", category: TicketCategory.Concert, startsAt: Now.AddDays(5), price: 880m));

        var page = await Search("演唱会 杰伦", [TicketCategory.Concert], "上海", Now, Now.AddDays(10), 500m, 1000m);

        Assert.Equal(Ids(match), Ids(page));
        Assert.Equal(1, page.TotalCount);
    }
}
