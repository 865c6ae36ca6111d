using ETicket.Domain.Listings;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ETicket.Search.Lucene;

/// <summary>
/// One pass over the listings the text matches. Each is checked against the filters on its doc
/// values; one that passes all but categories and city is counted in the facets it belongs to (the
/// category counts apply the city filter, the city counts the category filter: disjunctive), and
/// one that passes every filter is counted in the total and handed to <paramref name="hits"/>.
/// </summary>
internal sealed class ListingMatchCollector(ListingFilter filter, ICollector hits, ListingColumns.PerSegment segments) : ICollector
{
    private static readonly TicketCategory[] AllCategories = Enum.GetValues<TicketCategory>();

    private readonly int[] categoryCounts = new int[AllCategories.Length];
    private readonly Dictionary<string, int> cityCounts = new(StringComparer.Ordinal);

    // The current segment's values; its cities are counted by ord and named when it ends.
    private ListingColumns columns = null!;
    private SortedDocValues? cities;
    private int[] segmentCityCounts = [];
    private int cityFilterOrd;

    /// <summary>Listings that pass every filter.</summary>
    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        columns = segments.For(context.AtomicReader);
        cities = context.AtomicReader.GetSortedDocValues(ListingFields.City);
        segmentCityCounts = new int[cities?.ValueCount ?? 0];
        // -1 is "no listing in this segment has that city": the city filter then passes none of them.
        cityFilterOrd = filter.City is null || cities is null ? -1 : Math.Max(cities.LookupTerm(new BytesRef(filter.City)), -1);
        hits.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (!filter.PassesBase(columns.Status[doc], columns.ExpiresAt[doc], columns.StartsAt[doc], columns.Price[doc], columns.RepricedAt[doc]))
            return;
        int categoryNumber = columns.Category[doc];
        var cityOrd = columns.CityOrd[doc];
        var inCategories = filter.PassesCategory(categoryNumber);
        var inCity = filter.City is null || (cityOrd >= 0 && cityOrd == cityFilterOrd);
        if (inCity && categoryNumber >= 0 && categoryNumber < categoryCounts.Length)
            categoryCounts[categoryNumber]++;
        if (inCategories && cityOrd >= 0)
            segmentCityCounts[cityOrd]++;
        if (inCategories && inCity)
        {
            Total++;
            hits.Collect(doc);
        }
    }

    public IReadOnlyList<FacetCount<TicketCategory>> CategoryCounts() =>
        AllCategories.Where(value => categoryCounts[(int)value] > 0)
            .Select(value => new FacetCount<TicketCategory>(value, categoryCounts[(int)value]))
            .OrderByDescending(count => count.Count).ThenBy(count => count.Value.ToString(), StringComparer.Ordinal)
            .ToList();

    public IReadOnlyList<FacetCount<string>> CityCounts()
    {
        FlushSegment();
        return cityCounts.Select(pair => new FacetCount<string>(pair.Key, pair.Value))
            .OrderByDescending(count => count.Count).ThenBy(count => count.Value, StringComparer.Ordinal)
            .ToList();
    }

    private void FlushSegment()
    {
        if (cities is null)
            return;
        var name = new BytesRef();
        for (var ord = 0; ord < segmentCityCounts.Length; ord++)
        {
            if (segmentCityCounts[ord] == 0)
                continue;
            cities.LookupOrd(ord, name);
            var city = name.Utf8ToString();
            cityCounts[city] = cityCounts.GetValueOrDefault(city) + segmentCityCounts[ord];
        }
        cities = null;
        segmentCityCounts = [];
    }
}
