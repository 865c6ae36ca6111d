using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ETicket.Tests.Search.Elasticsearch;

/// <summary>
/// Compares a request body with a golden file next to these tests, structurally: both are parsed,
/// so white space and key order do not matter, values and arrays do. _bulk bodies (one JSON per
/// line) are compared as the array of their lines.
/// </summary>
public static class GoldenJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="keepActual">Writes what was sent beside the golden file in the build output, to review and copy.</param>
    public static void Matches(string goldenFile, string? actualBody, bool keepActual = true)
    {
        Assert.NotNull(actualBody);
        var actual = Parse(actualBody);
        var path = Path.Combine(AppContext.BaseDirectory, "Search", "Elasticsearch", "Golden", goldenFile);
        var difference = File.Exists(path) ? FirstDifference(JsonNode.Parse(File.ReadAllText(path)), actual, "$") : "the root: there is no such golden file yet";
        if (difference is not null)
        {
            if (keepActual)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(Path.ChangeExtension(path, ".actual.json"), actual?.ToJsonString(Indented));
            }
            Assert.Fail($"The request body differs from Golden/{goldenFile} at {difference}.\nThe body sent:\n{actual?.ToJsonString(Indented)}");
        }
    }

    /// <summary>A JSON body, or the lines of an NDJSON one as an array.</summary>
    public static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            // More than one value: NDJSON.
        }
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("\n", body); // _bulk needs the last line ended too
        return new JsonArray(lines.Select(line => JsonNode.Parse(line)).ToArray());
    }

    private static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key))
                        return $"{path}.{key}: not expected, sent {a[key]?.ToJsonString(Compact) ?? "null"}";
                    if (!a.ContainsKey(key))
                        return $"{path}.{key}: expected {e[key]?.ToJsonString(Compact) ?? "null"}, not sent";
                    if (FirstDifference(e[key], a[key], $"{path}.{key}") is { } inner)
                        return inner;
                }
                return null;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                {
                    if (i >= e.Count || i >= a.Count)
                        return $"{path}: expected {e.Count} items, sent {a.Count}";
                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } inner)
                        return inner;
                }
                return null;
            default:
                return JsonNode.DeepEquals(expected, actual) ? null
                    : $"{path}: expected {expected?.ToJsonString(Compact) ?? "null"}, sent {actual?.ToJsonString(Compact) ?? "null"}";
        }
    }
}
