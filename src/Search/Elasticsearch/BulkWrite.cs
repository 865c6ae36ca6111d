using System.Text.Json;
using System.Text.Json.Nodes;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace ETicket.Search.Elasticsearch;

/// <summary>
/// One batch of documents written with _bulk, each with external versioning on the listing's
/// version: Elasticsearch keeps the highest version, so a replayed or late older write answers 409
/// version_conflict_engine_exception and is done (the newer state is already there). Items rejected
/// for overload (429) are sent again; any other refusal fails the batch.
/// </summary>
/// <param name="target">The alias, or during a rebuild the new index.</param>
/// <param name="targetIsAlias">
/// Writes through the alias require it (require_alias), so a write while there is no index fails
/// instead of creating a concrete index of that name with a guessed mapping.
/// </param>
public sealed class BulkWrite(ElasticsearchConnection connection, ElasticsearchSearchOptions options, string target, bool targetIsAlias)
{
    public async Task RunAsync(IReadOnlyList<ListingSearchDocument> documents, CancellationToken cancellationToken)
    {
        var pending = documents;
        for (var attempt = 0; ; attempt++)
        {
            var answer = await connection.SendSuccessfulAsync(TransportMethod.POST, "_bulk",
                ElasticsearchJson.Lines(Lines(pending)), $"write {pending.Count} listing(s) to {target}", cancellationToken);
            var (overloaded, refused) = ReadItems(answer.Body, pending);
            if (refused.Count > 0)
                throw new SearchUnavailableException(
                    $"Elasticsearch refused {refused.Count} of {pending.Count} listing(s) written to {target}: {string.Join("; ", refused.Take(3))}.");
            if (overloaded.Count == 0)
                return;
            if (attempt >= options.Retries)
                throw new SearchUnavailableException(
                    $"Elasticsearch was too busy to write {overloaded.Count} listing(s) to {target} after {attempt + 1} tries.");
            await connection.PauseAsync(attempt, cancellationToken);
            pending = overloaded;
        }
    }

    private IEnumerable<JsonNode> Lines(IEnumerable<ListingSearchDocument> documents)
    {
        foreach (var document in documents)
        {
            var action = new JsonObject
            {
                ["_index"] = target,
                ["_id"] = document.ListingId,
                ["version"] = document.Version,
                ["version_type"] = "external",
            };
            if (targetIsAlias)
                action["require_alias"] = true;
            yield return new JsonObject { ["index"] = action };
            yield return ListingFields.Source(document);
        }
    }

    /// <summary>Items answer in the order they were sent.</summary>
    private static (List<ListingSearchDocument> Overloaded, List<string> Refused) ReadItems(string body, IReadOnlyList<ListingSearchDocument> sent)
    {
        var overloaded = new List<ListingSearchDocument>();
        var refused = new List<string>();
        try
        {
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.GetProperty("errors").GetBoolean())
                return (overloaded, refused);
            var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
            if (items.Count != sent.Count)
                throw new SearchUnavailableException($"Elasticsearch answered {items.Count} bulk item(s) for {sent.Count} sent.");
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i].EnumerateObject().Single().Value;
                var status = item.GetProperty("status").GetInt32();
                if (status is >= 200 and < 300)
                    continue;
                var error = item.TryGetProperty("error", out var e) ? e : default;
                var type = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (status == 409 && type == "version_conflict_engine_exception")
                    continue; // an older or equal version: the index already has this state or a newer one
                if (status == 429)
                {
                    overloaded.Add(sent[i]);
                    continue;
                }
                var reason = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("reason", out var r) ? r.GetString() : null;
                refused.Add($"listing {sent[i].ListingId}: {status} {type}: {reason}");
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new SearchUnavailableException("Elasticsearch's bulk answer was not the expected shape.", e);
        }
        return (overloaded, refused);
    }
}
