using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ETicket.Domain.Listings;
using ETicket.Search;

namespace ETicket.SearchBench;

/// <summary>The input of one search, as the contract's SearchListingsInput takes it (enum values in GraphQL's spelling).</summary>
public sealed record SearchInput(
    string? Text = null,
    string[]? Categories = null,
    string? City = null,
    DateTimeOffset? StartsFrom = null,
    DateTimeOffset? StartsTo = null,
    decimal? MinPrice = null,
    decimal? MaxPrice = null,
    string Sort = "RELEVANCE");

/// <summary>
/// The one POST body every server is sent: the platform's GraphQL operation with its variables. The
/// floors ignore the document and read <c>variables</c> into the same <see cref="ListingSearchRequest"/>
/// the platform builds, so all three answer exactly the same search.
/// </summary>
public static class SearchBody
{
    public const string Operation =
        """
        query Search($input: SearchListingsInput!, $first: Int, $after: String) {
          searchListings(input: $input, first: $first, after: $after) {
            listings { totalCount nodes { id title price city } pageInfo { endCursor hasNextPage } }
            categoryCounts { category count }
            cityCounts { city count }
          }
        }
        """;

    public const int PageSize = 20;

    public static byte[] Write(SearchInput input, string? after, int first = PageSize)
    {
        var inputJson = new JsonObject { ["sort"] = input.Sort };
        if (input.Text is not null)
            inputJson["text"] = input.Text;
        if (input.Categories is not null)
            inputJson["categories"] = new JsonArray([.. input.Categories.Select(c => (JsonNode)JsonValue.Create(c)!)]);
        if (input.City is not null)
            inputJson["city"] = input.City;
        if (input.StartsFrom is { } from)
            inputJson["startsFrom"] = from.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if (input.StartsTo is { } to)
            inputJson["startsTo"] = to.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if (input.MinPrice is { } min)
            inputJson["minPrice"] = min.ToString(CultureInfo.InvariantCulture);
        if (input.MaxPrice is { } max)
            inputJson["maxPrice"] = max.ToString(CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["query"] = Operation,
            ["variables"] = new JsonObject { ["input"] = inputJson, ["first"] = first, ["after"] = after },
        };
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    /// <summary>The floors' reading of a body: its variables as the request the platform would build.</summary>
    public static ListingSearchRequest Read(JsonElement root)
    {
        var variables = root.GetProperty("variables");
        var input = variables.GetProperty("input");
        string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        DateTimeOffset? Time(string name) => String(input, name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;
        decimal? Money(string name) => String(input, name) is { } text ? decimal.Parse(text, CultureInfo.InvariantCulture) : null;
        var categories = input.TryGetProperty("categories", out var list)
            ? list.EnumerateArray().Select(c => Enum<TicketCategory>(c.GetString()!)).ToList()
            : null;
        return new ListingSearchRequest(
            String(input, "text"), categories, String(input, "city"), Time("startsFrom"), Time("startsTo"),
            Money("minPrice"), Money("maxPrice"), Enum<ListingSearchSort>(String(input, "sort") ?? "RELEVANCE"),
            variables.TryGetProperty("first", out var first) && first.ValueKind == JsonValueKind.Number ? first.GetInt32() : null,
            String(variables, "after"));
    }

    /// <summary>GraphQL's CONSTANT_CASE (STARTS_AT_ASC) to the C# name (StartsAtAsc).</summary>
    public static T Enum<T>(string graphQLName) where T : struct, Enum =>
        System.Enum.Parse<T>(graphQLName.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    public static string GraphQLName<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
