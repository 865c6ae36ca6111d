using System.Text.Json;
using ETicket.Domain.Listings;

namespace ETicket.Search.Elasticsearch;

/// <summary>
/// Reads a search response into a page. Anything that is not the shape this backend asked for
/// (a missing sort value, a category this code does not know) is an error, never a guessed answer.
/// </summary>
public static class ListingSearchResponseReader
{
    public static ListingSearchPage Read(string body, ListingSearchQuery query)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.TryGetProperty("timed_out", out var timedOut) && timedOut.GetBoolean())
                throw new SearchUnavailableException("Elasticsearch timed out before searching every listing; the page would be incomplete.");
            if (root.TryGetProperty("_shards", out var shards) && shards.TryGetProperty("failed", out var failed) && failed.GetInt32() > 0)
                throw new SearchUnavailableException($"Elasticsearch could not search {failed.GetInt32()} shard(s) of the index; the page would be incomplete.");
            var hitsObject = root.GetProperty("hits");
            var total = hitsObject.GetProperty("total");
            if (total.GetProperty("relation").GetString() != "eq")
                throw new SearchUnavailableException("Elasticsearch gave a lower bound of the total, not the total.");
            var hits = hitsObject.GetProperty("hits").EnumerateArray().Select(hit => Hit(hit, query)).ToList();
            var aggregations = root.GetProperty("aggregations");
            return new ListingSearchPage(
                hits.Take(query.First).ToList(),
                hits.Count > query.First,
                total.GetProperty("value").GetInt32(),
                Buckets(aggregations, ListingQueryBuilder.CategoryFacet)
                    .Select(b => new FacetCount<TicketCategory>(Category(b.Key), b.Count))
                    .OrderByDescending(c => c.Count).ThenBy(c => c.Value).ToList(),
                Buckets(aggregations, ListingQueryBuilder.CityFacet)
                    .Select(b => new FacetCount<string>(b.Key, b.Count))
                    .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new SearchUnavailableException("Elasticsearch's search answer was not the expected shape.", e);
        }
    }

    private static ListingSearchHit Hit(JsonElement hit, ListingSearchQuery query)
    {
        var sort = query.Sort;
        var id = hit.GetProperty("_id").GetString() ?? throw new FormatException("A hit has no _id.");
        var values = hit.GetProperty("sort").EnumerateArray().ToList();
        var expected = sort == ListingSearchSort.Relevance ? 3 : 2;
        if (values.Count != expected || values[^1].GetString() != id)
            throw new FormatException($"Hit {id} has sort values that are not this search's.");
        var cursor = sort switch
        {
            ListingSearchSort.Relevance => query.CursorAt(values[0].GetSingle(), ListingFields.TicksFromSortValue(values[1].GetInt64()), id),
            ListingSearchSort.StartsAtAsc or ListingSearchSort.Newest => query.CursorAt(null, ListingFields.TicksFromSortValue(values[0].GetInt64()), id),
            _ => query.CursorAt(null, values[0].GetInt64(), id),
        };
        return new ListingSearchHit(id, cursor);
    }

    private static IEnumerable<(string Key, int Count)> Buckets(JsonElement aggregations, string facet) =>
        aggregations.GetProperty(facet).GetProperty("values").GetProperty("buckets").EnumerateArray()
            .Select(b => (b.GetProperty("key").GetString() ?? throw new FormatException("A bucket has no key."), b.GetProperty("doc_count").GetInt32()))
            .Where(b => b.Item2 > 0);

    private static TicketCategory Category(string key) =>
        Enum.TryParse<TicketCategory>(key, ignoreCase: false, out var category) && Enum.IsDefined(category)
            ? category
            : throw new FormatException($"The index counts category '{key}', which this code does not know.");
}
