using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Transport;

namespace ETicket.Search.Elasticsearch;

/// <summary>Request bodies as text: Chinese is written as it is (these are JSON bodies, never HTML).</summary>
public static class ElasticsearchJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode node) => node.ToJsonString(Options);

    public static PostData Body(JsonNode node) => PostData.String(Text(node));

    /// <summary>Newline-delimited JSON, as _bulk takes it.</summary>
    public static PostData Lines(IEnumerable<JsonNode> lines) => PostData.MultiJson(lines.Select(Text));
}
