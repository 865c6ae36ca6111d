using System.Text.Json.Nodes;
using ETicket.Domain.Listings;

namespace ETicket.Search.Elasticsearch;

/// <summary>
/// Builds the search body for one page. Words are only ever given to match_phrase queries, so
/// query syntax in them is plain text. Scores are tiers of constant_score clauses, so they are
/// exact and search_after can page on them.
/// </summary>
public static class ListingQueryBuilder
{
    /// <summary>A word in the title scores this; a word found only elsewhere scores 1.</summary>
    public const float TitleTier = 2;

    public const float ElsewhereTier = 1;

    public const string CategoryFacet = "categoryCounts";
    public const string CityFacet = "cityCounts";

    /// <summary>More than there are categories.</summary>
    public const int CategoryBuckets = 64;

    /// <summary>Cities a page counts at most; the largest are kept.</summary>
    public const int CityBuckets = 1000;

    public static JsonObject Build(ListingSearchQuery query)
    {
        var body = new JsonObject
        {
            ["size"] = query.First + 1, // one more tells whether there is a next page
            ["track_total_hits"] = true,
            ["_source"] = false,
            ["query"] = MainQuery(query),
        };
        // The categories and city filters apply to hits after the facets are counted: each facet
        // ignores its own filter and applies the other's (disjunctive counts).
        var categories = CategoriesFilter(query);
        var city = CityFilter(query);
        var postFilters = new[] { categories, city }.OfType<JsonObject>().ToList();
        if (postFilters.Count > 0)
            body["post_filter"] = Bool("filter", postFilters);
        body["sort"] = Sort(query.Sort);
        if (query.After is { } after)
            body["search_after"] = SearchAfter(after);
        body["aggs"] = new JsonObject
        {
            [CategoryFacet] = Facet(city, ListingFields.Category, CategoryBuckets),
            [CityFacet] = Facet(categories, ListingFields.City, CityBuckets),
        };
        return body;
    }

    private static JsonObject MainQuery(ListingSearchQuery query)
    {
        var filters = new List<JsonObject>
        {
            Term(ListingFields.Status, ListingStatus.OnSale.ToString()),
            Range(ListingFields.ExpiresAt, ("gt", ListingFields.Date(query.Now))),
        };
        if (query.StartsFrom is not null || query.StartsTo is not null)
            filters.Add(Range(ListingFields.StartsAt,
                ("gte", query.StartsFrom is { } from ? ListingFields.Date(from) : null),
                ("lte", query.StartsTo is { } to ? ListingFields.Date(to) : null)));
        if (query.MinPrice is not null || query.MaxPrice is not null)
            filters.Add(Range(ListingFields.PriceCents,
                // Inclusive bounds in whole cents: a bound between two cents keeps only prices inside it.
                ("gte", query.MinPrice is { } min ? decimal.ToInt64(Math.Ceiling(min * 100)) : null),
                ("lte", query.MaxPrice is { } max ? decimal.ToInt64(Math.Floor(max * 100)) : null)));
        if (query.RepricedAtOrBefore is { } repricedAtOrBefore)
            filters.Add(NotRepricedSince(repricedAtOrBefore));
        var clauses = new JsonObject { ["filter"] = new JsonArray(filters.ToArray<JsonNode>()) };
        if (query.Words.Count > 0)
            clauses["must"] = new JsonArray(query.Words.Select(WordQuery).ToArray<JsonNode>());
        return new JsonObject { ["bool"] = clauses };
    }

    /// <summary>The word somewhere: the best tier it reaches (title, else elsewhere).</summary>
    private static JsonObject WordQuery(string word) => new()
    {
        ["dis_max"] = new JsonObject
        {
            ["queries"] = new JsonArray(
                Tier(word, TitleTier, ListingFields.Title),
                Tier(word, ElsewhereTier, ListingFields.Description, ListingFields.Venue, ListingFields.CityText)),
        },
    };

    /// <summary>
    /// The word in one of the fields as a phrase: its tokens adjacent and in order, so 杰伦 is not
    /// found in text that has 杰 and 伦 apart; in the field's own analysis, or as a run of bigrams
    /// in the grams subfield, which finds a part of a name.
    /// </summary>
    private static JsonObject Tier(string word, float boost, params string[] fields)
    {
        var matches = new List<JsonObject>();
        foreach (var field in fields)
        {
            matches.Add(new JsonObject
            {
                // A word with nothing searchable in it (only punctuation, say) does not narrow the search.
                ["match_phrase"] = new JsonObject { [field] = new JsonObject { ["query"] = word, ["zero_terms_query"] = "all" } },
            });
            var grams = (field == ListingFields.CityText ? ListingFields.City : field) + "." + ListingFields.Grams;
            matches.Add(new JsonObject { ["match_phrase"] = new JsonObject { [grams] = word } });
        }
        return new JsonObject
        {
            ["constant_score"] = new JsonObject
            {
                ["filter"] = Bool("should", matches),
                ["boost"] = boost,
            },
        };
    }

    /// <summary>
    /// Repriced at or before the bound, or never (no value), which also lets through every document of
    /// an index built before the field existed (Outdated, still answering while its successor is built).
    /// </summary>
    private static JsonObject NotRepricedSince(DateTimeOffset repricedAtOrBefore) => new()
    {
        ["bool"] = new JsonObject
        {
            ["should"] = new JsonArray(
                Range(ListingFields.RepricedAt, ("lte", ListingFields.Date(repricedAtOrBefore))),
                new JsonObject { ["bool"] = new JsonObject { ["must_not"] = new JsonObject { ["exists"] = new JsonObject { ["field"] = ListingFields.RepricedAt } } } }),
            ["minimum_should_match"] = 1,
        },
    };

    private static JsonObject? CategoriesFilter(ListingSearchQuery query) => query.Categories.Count == 0
        ? null
        : new JsonObject
        {
            ["terms"] = new JsonObject
            {
                [ListingFields.Category] = new JsonArray(query.Categories.Select(c => (JsonNode)c.ToString()).ToArray()),
            },
        };

    private static JsonObject? CityFilter(ListingSearchQuery query) =>
        query.City is null ? null : Term(ListingFields.City, query.City);

    /// <summary>A terms count under the other facet's filter (match_all when it has none).</summary>
    private static JsonObject Facet(JsonObject? otherFilter, string field, int size) => new()
    {
        ["filter"] = otherFilter?.DeepClone() ?? new JsonObject { ["match_all"] = new JsonObject() },
        ["aggs"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                ["terms"] = new JsonObject
                {
                    ["field"] = field,
                    ["size"] = size,
                    ["order"] = new JsonArray(new JsonObject { ["_count"] = "desc" }, new JsonObject { ["_key"] = "asc" }),
                },
            },
        },
    };

    /// <summary>Every sort ends on the listing id, unique, so search_after never skips or repeats a tie.</summary>
    private static JsonArray Sort(ListingSearchSort sort) => sort switch
    {
        ListingSearchSort.Relevance => new JsonArray(
            new JsonObject { ["_score"] = "desc" }, SortOn(ListingFields.PublishedAt, "desc"), SortOn(ListingFields.ListingId, "asc")),
        ListingSearchSort.StartsAtAsc => new JsonArray(
            new JsonObject { [ListingFields.StartsAt] = new JsonObject { ["order"] = "asc", ["missing"] = "_last" } },
            SortOn(ListingFields.ListingId, "asc")),
        ListingSearchSort.PriceAsc => new JsonArray(SortOn(ListingFields.PriceCents, "asc"), SortOn(ListingFields.ListingId, "asc")),
        ListingSearchSort.PriceDesc => new JsonArray(SortOn(ListingFields.PriceCents, "desc"), SortOn(ListingFields.ListingId, "asc")),
        ListingSearchSort.Newest => new JsonArray(SortOn(ListingFields.PublishedAt, "desc"), SortOn(ListingFields.ListingId, "asc")),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };

    /// <summary>The cursor's values in the order of <see cref="Sort"/>: ticks back to date_nanos sort values.</summary>
    private static JsonArray SearchAfter(SearchCursor after) => after.Sort switch
    {
        ListingSearchSort.Relevance => new JsonArray(
            after.Score ?? throw new ArgumentException("A RELEVANCE cursor has a score.", nameof(after)),
            ListingFields.SortValueFromTicks(after.Key), after.ListingId),
        ListingSearchSort.StartsAtAsc or ListingSearchSort.Newest => new JsonArray(ListingFields.SortValueFromTicks(after.Key), after.ListingId),
        _ => new JsonArray(after.Key, after.ListingId),
    };

    private static JsonObject SortOn(string field, string order) => new() { [field] = new JsonObject { ["order"] = order } };

    private static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };

    private static JsonObject Range(string field, params (string Bound, JsonNode? Value)[] bounds)
    {
        var range = new JsonObject();
        foreach (var (bound, value) in bounds)
            if (value is not null)
                range[bound] = value;
        return new JsonObject { ["range"] = new JsonObject { [field] = range } };
    }

    private static JsonObject Bool(string occurrence, IEnumerable<JsonObject> clauses) => new()
    {
        ["bool"] = new JsonObject { [occurrence] = new JsonArray(clauses.Select(c => (JsonNode)c.DeepClone()).ToArray()) },
    };
}
