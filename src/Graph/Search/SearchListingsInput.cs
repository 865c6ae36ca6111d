using ETicket.Domain.Listings;
using ETicket.Search;

namespace ETicket.Graph.Search;

public sealed class SearchListingsInput
{
    public string? Text { get; set; }
    public List<TicketCategory>? Categories { get; set; }
    public string? City { get; set; }
    public DateTimeOffset? StartsFrom { get; set; }
    public DateTimeOffset? StartsTo { get; set; }
    public decimal? MinPrice { get; set; }
    public decimal? MaxPrice { get; set; }
    public ListingSearchSort Sort { get; set; } = ListingSearchSort.Relevance;

    public ListingSearchRequest ToRequest(int? first, string? after) =>
        new(Text, Categories, City, StartsFrom, StartsTo, MinPrice, MaxPrice, Sort, first, after);
}
