using ETicket.Domain.Listings;
using ETicket.Search;

namespace ETicket.Tests.Search.Contract;

public abstract partial class ListingSearchContract
{
    [Fact]
    public async Task Facets_count_with_every_filter_but_their_own()
    {
        await Add(
            Listing("演唱会 A", category: TicketCategory.Concert, city: "上海"),
            Listing("演唱会 B", category: TicketCategory.Concert, city: "上海"),
            Listing("演唱会 C", category: TicketCategory.Concert, city: "北京"),
            Listing("演唱会 D", category: TicketCategory.Show, city: "上海"),
            Listing("演唱会 E", category: TicketCategory.Show, city: "广州"),
            Listing("演唱会 F", category: TicketCategory.Film),
            Listing("演唱会 G", category: TicketCategory.Concert, city: "上海", status: ListingStatus.Sold),
            Listing("演唱会 H", category: TicketCategory.Concert, city: "上海", price: 5000m),
            Listing("电影 I", category: TicketCategory.Concert, city: "上海"));

        var page = await Search("演唱会", [TicketCategory.Concert, TicketCategory.Film], "上海", maxPrice: 1000m);

        Assert.Equal(2, page.TotalCount);
        Assert.Equal([new FacetCount<TicketCategory>(TicketCategory.Concert, 2), new FacetCount<TicketCategory>(TicketCategory.Show, 1)],
            page.CategoryCounts);
        Assert.Equal([new FacetCount<string>("上海", 2), new FacetCount<string>("北京", 1)], page.CityCounts);
    }

    [Fact]
    public async Task Facets_without_filters_count_everything_found_largest_first_then_by_value()
    {
        await Add(
            Listing("A", category: TicketCategory.Show, city: "杭州"),
            Listing("B", category: TicketCategory.Film, city: "北京"),
            Listing("C", category: TicketCategory.Film, city: "杭州"),
            Listing("D", category: TicketCategory.Admission, city: "上海"),
            Listing("E", category: TicketCategory.Show));

        var page = await Search(first: 0);

        Assert.Equal(5, page.TotalCount);
        Assert.Equal(
            [new(TicketCategory.Film, 2), new(TicketCategory.Show, 2), new FacetCount<TicketCategory>(TicketCategory.Admission, 1)],
            page.CategoryCounts);
        // Equal counts in ordinal order of the value: 上 (U+4E0A) before 北 (U+5317).
        Assert.Equal([new("杭州", 2), new("上海", 1), new FacetCount<string>("北京", 1)], page.CityCounts);
    }
}
