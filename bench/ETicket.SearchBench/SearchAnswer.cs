using System.Text.Encodings.Web;
using System.Text.Json;
using ETicket.Domain.Listings;
using ETicket.Search;

namespace ETicket.SearchBench;

/// <summary>One listing as the answer shows it.</summary>
public sealed record ListingRow(string Id, string Title, string Price, string? City);

/// <summary>
/// A search's answer in the platform's JSON shape (data.searchListings...). The floors write it with
/// <see cref="WriteAsync"/>; the bench reads every server's answers with <see cref="Parse"/> to
/// follow cursors and compare them.
/// </summary>
/// <param name="TotalCount">Null where a server does not count (the LIKE endpoint).</param>
public sealed record SearchAnswer(
    int? TotalCount,
    IReadOnlyList<ListingRow> Rows,
    string? EndCursor,
    bool HasNextPage,
    IReadOnlyList<FacetCount<TicketCategory>> CategoryCounts,
    IReadOnlyList<FacetCount<string>> CityCounts)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.ContentType = "application/graphql-response+json; charset=utf-8";
        using (var json = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteStartObject("searchListings");
            json.WriteStartObject("listings");
            if (TotalCount is { } total)
                json.WriteNumber("totalCount", total);
            else
                json.WriteNull("totalCount");
            json.WriteStartArray("nodes");
            foreach (var row in Rows)
            {
                json.WriteStartObject();
                json.WriteString("id", row.Id);
                json.WriteString("title", row.Title);
                json.WriteString("price", row.Price);
                json.WriteString("city", row.City);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("pageInfo");
            json.WriteString("endCursor", EndCursor);
            json.WriteBoolean("hasNextPage", HasNextPage);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("categoryCounts");
            foreach (var count in CategoryCounts)
            {
                json.WriteStartObject();
                json.WriteString("category", SearchBody.GraphQLName(count.Value));
                json.WriteNumber("count", count.Count);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("cityCounts");
            foreach (var count in CityCounts)
            {
                json.WriteStartObject();
                json.WriteString("city", count.Value);
                json.WriteNumber("count", count.Count);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    public static SearchAnswer Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.TryGetProperty("errors", out var errors))
            throw new InvalidOperationException($"The search failed: {errors}");
        var search = root.GetProperty("data").GetProperty("searchListings");
        var listings = search.GetProperty("listings");
        var pageInfo = listings.GetProperty("pageInfo");
        var total = listings.GetProperty("totalCount");
        return new SearchAnswer(
            total.ValueKind == JsonValueKind.Number ? total.GetInt32() : null,
            [.. listings.GetProperty("nodes").EnumerateArray().Select(n => new ListingRow(
                n.GetProperty("id").GetString()!, n.GetProperty("title").GetString()!, n.GetProperty("price").GetString()!,
                n.GetProperty("city").GetString()))],
            pageInfo.GetProperty("endCursor").GetString(),
            pageInfo.GetProperty("hasNextPage").GetBoolean(),
            [.. search.GetProperty("categoryCounts").EnumerateArray().Select(c => new FacetCount<TicketCategory>(
                SearchBody.Enum<TicketCategory>(c.GetProperty("category").GetString()!), c.GetProperty("count").GetInt32()))],
            [.. search.GetProperty("cityCounts").EnumerateArray().Select(c => new FacetCount<string>(
                c.GetProperty("city").GetString()!, c.GetProperty("count").GetInt32()))]);
    }
}
