using System.Text.Json;
using System.Text.Json.Nodes;
using ETicket.Domain.Listings;

namespace ETicket.Bench;

/// <summary>The market page the mini-program asks for, and how both servers answer it.</summary>
public static class Market
{
    public const TicketCategory Category = TicketCategory.Concert;
    public const string City = "上海";
    public const int PageSize = 20;

    /// <summary>The page measured besides the first: reached by following 49 end cursors.</summary>
    public const int DeepPage = 50;

    /// <summary>Exactly what the mini-program sends (see the query-layer issue).</summary>
    public const string Query =
        """
        query Market($after: String) { listings(first: 20, after: $after, where: { category: { eq: CONCERT }, city: { eq: "上海" }, status: { eq: ON_SALE } }, order: [{ startsAt: ASC }]) { nodes { title price seller { nickname } } pageInfo { endCursor } } }
        """;

    /// <summary>The POST body, for the platform and the raw floor alike (the floor reads only <c>variables.after</c>).</summary>
    public static byte[] Body(string? after) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["query"] = Query,
        ["variables"] = new JsonObject { ["after"] = after },
        ["operationName"] = "Market",
    });

    /// <summary>Reads a market page answer; throws with the body when it is not one.</summary>
    public static MarketPage Read(string json)
    {
        var root = JsonNode.Parse(json) ?? throw new InvalidOperationException("Empty answer.");
        if (root["errors"] is JsonArray { Count: > 0 } errors)
            throw new InvalidOperationException($"The answer has errors: {errors.ToJsonString()}");
        var listings = root["data"]?["listings"] ?? throw new InvalidOperationException($"Not a market page: {Truncate(json)}");
        var rows = listings["nodes"]!.AsArray().Select(node => new MarketRow(
            node!["title"]!.GetValue<string>(),
            node["price"]!.GetValue<string>(),
            node["seller"]!["nickname"]!.GetValue<string>())).ToList();
        return new MarketPage(rows, listings["pageInfo"]?["endCursor"]?.GetValue<string>(), json.Length);
    }

    private static string Truncate(string text) => text.Length <= 400 ? text : text[..400] + "...";
}

public sealed record MarketRow(string Title, string Price, string Nickname);

public sealed record MarketPage(IReadOnlyList<MarketRow> Rows, string? EndCursor, int Characters);
