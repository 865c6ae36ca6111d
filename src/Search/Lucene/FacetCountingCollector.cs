using ETicket.Domain.Listings;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ETicket.Search.Lucene;

/// <summary>
/// One pass over the listings that match the text and the base filters (everything but categories
/// and city), reading each one's category and city from doc values. From it come the total (both
/// filters hold), the category counts (the city filter holds) and the city counts (the category
/// filter holds): the disjunctive facets, without a query per facet.
/// </summary>
internal sealed class FacetCountingCollector : ICollector
{
    private static readonly TicketCategory[] AllCategories = Enum.GetValues<TicketCategory>();

    private readonly bool[]? categoryFilter;
    private readonly string? cityFilter;
    private readonly int[] categoryCounts = new int[AllCategories.Length];
    private readonly Dictionary<string, int> cityCounts = new(StringComparer.Ordinal);

    // The current segment's values; city ords are counted per segment and named at its end.
    private NumericDocValues? categories;
    private SortedDocValues? cities;
    private int[] segmentCityCounts = [];
    private int cityFilterOrd;

    public FacetCountingCollector(IReadOnlyCollection<TicketCategory> categoryFilter, string? cityFilter)
    {
        if (categoryFilter.Count > 0)
        {
            this.categoryFilter = new bool[AllCategories.Length];
            foreach (var category in categoryFilter)
                this.categoryFilter[(int)category] = true;
        }
        this.cityFilter = cityFilter;
    }

    /// <summary>Listings matching every filter.</summary>
    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        var reader = context.AtomicReader;
        categories = reader.GetNumericDocValues(ListingFields.Category);
        cities = reader.GetSortedDocValues(ListingFields.City);
        segmentCityCounts = new int[cities?.ValueCount ?? 0];
        // -1 is "no listing here has that city": the filter then holds for none of them.
        cityFilterOrd = cityFilter is null || cities is null ? -1 : Math.Max(cities.LookupTerm(new BytesRef(cityFilter)), -1);
    }

    public void Collect(int doc)
    {
        var category = (int)(categories?.Get(doc) ?? -1);
        if (category < 0 || category >= AllCategories.Length)
            return; // every document has one; a foreign value is not counted rather than misfiled
        var cityOrd = cities?.GetOrd(doc) ?? -1;
        var inCategories = categoryFilter is null || categoryFilter[category];
        var inCity = cityFilter is null || (cityOrd >= 0 && cityOrd == cityFilterOrd);
        if (inCity)
            categoryCounts[category]++;
        if (inCategories && cityOrd >= 0)
            segmentCityCounts[cityOrd]++;
        if (inCategories && inCity)
            Total++;
    }

    public IReadOnlyList<FacetCount<TicketCategory>> CategoryCounts() =>
        AllCategories.Where(category => categoryCounts[(int)category] > 0)
            .Select(category => new FacetCount<TicketCategory>(category, categoryCounts[(int)category]))
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
