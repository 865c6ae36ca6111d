using System.Text.Json;

namespace ETicket.Search.Elasticsearch;

/// <summary>What Elasticsearch answered: the status (null when no answer came) and the body.</summary>
public sealed record ElasticsearchAnswer(int? Status, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The error's type and reason from an Elasticsearch error body, e.g. "index_not_found_exception: no such index".</summary>
    public string Describe()
    {
        if (Status is null)
            return "no answer";
        try
        {
            using var json = JsonDocument.Parse(Body);
            if (json.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    var type = error.TryGetProperty("type", out var t) ? t.GetString() : null;
                    var reason = error.TryGetProperty("reason", out var r) ? r.GetString() : null;
                    return $"{Status} {type}: {reason}";
                }
                return $"{Status} {error}";
            }
        }
        catch (JsonException)
        {
        }
        return $"{Status}";
    }
}
