using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Search;

namespace ETicket.Tests.Search.Contract;

public abstract partial class ListingSearchContract
{
    public static TheoryData<ListingSearchSort> Sorts => [.. Enum.GetValues<ListingSearchSort>()];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Pages_follow_each_other_in_the_sort_order_without_repeats(ListingSearchSort sort)
    {
        // Values repeat, so ties (and the id tie-breaker) fall across page boundaries.
        var listings = Enumerable.Range(0, 7).Select(i => Listing(i % 2 == 0 ? "Coldplay 上海" : "上海", description: "coldplay",
            price: 10m * (i % 3), startsAt: i % 3 == 0 ? null : Now.AddDays(i % 2), publishedAt: Now.AddDays(-(i % 2)))).ToArray();
        await Add(listings);
        var whole = await Found("coldplay", sort: sort);

        var walked = new List<string>();
        SearchCursor? after = null;
        for (var pageNumber = 1; pageNumber <= 3; pageNumber++)
        {
            var page = await Search("coldplay", sort: sort, first: 3, after: after);
            Assert.Equal(7, page.TotalCount);
            Assert.Equal(pageNumber < 3, page.HasNextPage);
            walked.AddRange(Ids(page));
            after = page.Hits[^1].Cursor;
        }

        Assert.Equal(7, whole.Count);
        Assert.Equal(whole, walked);
    }

    [Fact]
    public async Task A_page_of_none_still_counts_and_says_whether_there_is_more()
    {
        await Add(Listing("A"), Listing("B"));

        var page = await Search(first: 0);

        Assert.Empty(page.Hits);
        Assert.True(page.HasNextPage);
        Assert.Equal(2, page.TotalCount);
        Assert.False((await Search(first: 2)).HasNextPage);
    }

    [Fact]
    public async Task Listings_that_change_between_pages_are_not_seen_twice()
    {
        var listings = Enumerable.Range(0, 6).Select(i => Listing("Coldplay " + i, price: 10m + i)).ToArray();
        await Add(listings);
        var first = await Search("coldplay", sort: ListingSearchSort.Newest, first: 3);
        Assert.Equal(Ids(listings[5], listings[4], listings[3]), Ids(first));

        // A seen listing drops its price, an unseen one is withdrawn, and one is published.
        await Add(listings[4] with { Version = 2, Price = 1m },
            listings[1] with { Version = 2, Status = ListingStatus.Withdrawn });
        var published = Listing("Coldplay new");
        await Add(published);
        var second = await Search("coldplay", sort: ListingSearchSort.Newest, first: 3, after: first.Hits[^1].Cursor);

        Assert.Equal(Ids(listings[2], listings[0]), Ids(second));
        Assert.False(second.HasNextPage);
    }

    [Fact]
    public async Task A_listing_repriced_while_someone_pages_by_price_is_not_seen_twice()
    {
        var listings = Enumerable.Range(0, 6).Select(i => Listing("Coldplay " + i, price: 10m + i)).ToArray();
        await Add(listings);
        var cheapest = await Search("coldplay", sort: ListingSearchSort.PriceAsc, first: 2);
        Assert.Equal(Ids(listings[0], listings[1]), Ids(cheapest));

        // Repriced after the first page: one seen moves ahead of the cursor, where it would show again;
        // one unseen stays ahead. Both are left out of the later pages (at most once, so possibly never).
        var repricedAt = Now.AddSeconds(1);
        await Add(listings[0] with { Version = 2, Price = 14.5m, RepricedAt = repricedAt },
            listings[3] with { Version = 2, Price = 12.5m, RepricedAt = repricedAt });
        var rest = await Search("coldplay", sort: ListingSearchSort.PriceAsc, first: 10, after: cheapest.Hits[^1].Cursor);

        Assert.Equal(Ids(listings[2], listings[4], listings[5]), Ids(rest));
        Assert.Equal(4, rest.TotalCount); // the count describes the same listings as the page
        // A new walk sees them at their new prices; a walk by another sort is not narrowed.
        Assert.Equal(Ids(listings[1], listings[2], listings[3], listings[4], listings[0], listings[5]),
            await Found("coldplay", sort: ListingSearchSort.PriceAsc));
        var newest = await Search("coldplay", sort: ListingSearchSort.Newest, first: 1);
        Assert.Equal(5, (await Search("coldplay", sort: ListingSearchSort.Newest, first: 10, after: newest.Hits[^1].Cursor)).Hits.Count);
    }

    [Fact]
    public async Task A_cursor_from_another_sort_or_not_from_this_api_is_bad_input()
    {
        await Add(Listing("A"), Listing("B"));
        var page = await Search(sort: ListingSearchSort.PriceAsc, first: 1);

        await Assert.ThrowsAsync<BadInputException>(() => Search(sort: ListingSearchSort.Newest, after: page.Hits[0].Cursor));
        Assert.Throws<BadInputException>(() =>
            new ListingSearchRequest(null, null, null, null, null, null, null, ListingSearchSort.Newest, 5, "bm90IGEgY3Vyc29y").Validated(Now));
    }
}
