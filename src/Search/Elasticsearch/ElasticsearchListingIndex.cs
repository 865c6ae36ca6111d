using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace ETicket.Search.Elasticsearch;

/// <summary>
/// The Elasticsearch backend. Searches and writes go through an alias; a rebuild fills a new index
/// beside the current one and moves the alias in one atomic request. The index records its
/// mapping version, its Chinese analysis and the outbox checkpoint in its mapping's _meta.
/// </summary>
public sealed class ElasticsearchListingIndex(
    ElasticsearchConnection connection,
    ElasticsearchSearchOptions options,
    TimeProvider time,
    ILogger<ElasticsearchListingIndex> logger) : IListingSearchIndex
{
    /// <summary>Documents per _bulk request: a few hundred kilobytes.</summary>
    public const int BulkBatchSize = 1000;

    private const string TextToAnalyze = "周杰伦演唱会";

    private readonly string alias = options.Alias;
    private ChineseAnalysis? analysis;

    /// <summary>Every process configured with the same alias shares the index behind it.</summary>
    public string SharedName => alias;

    public async Task<ListingSearchPage> SearchAsync(ListingSearchQuery query, CancellationToken cancellationToken)
    {
        var answer = await connection.SendAsync(TransportMethod.POST, $"{alias}/_search",
            ElasticsearchJson.Body(ListingQueryBuilder.Build(query)), cancellationToken);
        if (answer.Status == 404)
            throw new SearchUnavailableException($"The search index does not exist yet; it is built on start ({answer.Describe()}).");
        if (!answer.IsSuccess)
            throw new SearchUnavailableException($"Elasticsearch refused the search: {answer.Describe()}.");
        return ListingSearchResponseReader.Read(answer.Body, query);
    }

    public Task WriteAsync(IReadOnlyCollection<ListingSearchDocument> documents, CancellationToken cancellationToken) =>
        WriteInBatchesAsync(alias, documents.ToAsyncEnumerable(), cancellationToken);

    public async Task<SearchIndexState> InspectAsync(CancellationToken cancellationToken)
    {
        if (await ReadMetaAsync(cancellationToken) is not { Meta: var meta })
            return new SearchIndexState(SearchIndexHealth.Missing, null);
        var checkpoint = meta["checkpoint"]?.GetValue<long>();
        var rebuilt = ListingIndexMapping.Rebuilt(meta);
        if (meta["mappingVersion"]?.GetValue<int>() is not { } version)
            return new SearchIndexState(SearchIndexHealth.Corrupt, checkpoint, rebuilt);
        var detected = await DetectChineseAnalysisAsync(cancellationToken);
        if (version < ListingIndexMapping.Version || (string?)meta["chineseAnalysis"] != ListingIndexMapping.Name(detected))
            return new SearchIndexState(SearchIndexHealth.Outdated, checkpoint, rebuilt);
        return new SearchIndexState(SearchIndexHealth.Ready, checkpoint, rebuilt);
    }

    public async Task<bool> SaveCheckpointAsync(long sequence, RebuiltIndex? following, CancellationToken cancellationToken)
    {
        var (index, meta) = await ReadMetaAsync(cancellationToken)
            ?? throw new SearchUnavailableException($"There is no search index behind '{alias}' to record a checkpoint in.");
        if (ListingIndexMapping.Rebuilt(meta) != following)
            return false;
        // Several processes may share the index: the checkpoint only moves forward. Two racing between
        // this read and the write below may leave the lower one; that costs a replay of some events on
        // the next start, never a wrong index (writes are idempotent by listing version).
        if (meta["checkpoint"]?.GetValue<long>() is { } saved && saved >= sequence)
            return true;
        meta["checkpoint"] = sequence;
        // To the index read, not the alias: were the alias moved meanwhile, this meta would overwrite the new index's.
        await connection.SendSuccessfulAsync(TransportMethod.PUT, $"{index}/_mapping",
            ElasticsearchJson.Body(new JsonObject { ["_meta"] = meta }), "record the checkpoint", cancellationToken);
        return true;
    }

    public async Task RebuildAsync(IAsyncEnumerable<ListingSearchDocument> documents, RebuiltIndex position, CancellationToken cancellationToken)
    {
        var chinese = await DetectChineseAnalysisAsync(cancellationToken);
        var index = $"{alias}-v{ListingIndexMapping.Version}-{time.GetUtcNow().ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}";
        await connection.SendSuccessfulAsync(TransportMethod.PUT, index,
            ElasticsearchJson.Body(ListingIndexMapping.CreateIndexBody(chinese, position)), $"create index {index}", cancellationToken);
        IReadOnlyList<string> previous;
        try
        {
            var count = await WriteInBatchesAsync(index, documents, cancellationToken);
            await connection.SendSuccessfulAsync(TransportMethod.POST, $"{index}/_refresh", null, $"refresh index {index}", cancellationToken);
            previous = await IndicesBehindAliasAsync(cancellationToken);
            await connection.SendSuccessfulAsync(TransportMethod.POST, "_aliases",
                ElasticsearchJson.Body(AliasSwap(previous, index)), $"move alias {alias} to {index}", cancellationToken);
            logger.LogInformation("Search index {Index} built with {Count} listings up to outbox sequence {Checkpoint}; alias {Alias} moved to it from {Previous}.",
                index, count, position.Checkpoint, alias, previous.Count == 0 ? "none" : string.Join(", ", previous));
        }
        catch
        {
            // The alias still points to the old index, which keeps answering; the half-built one goes.
            // Unless the alias move did happen (a retried request whose first try was applied):
            // then the new index is the one answering, and is kept.
            if (await AliasMovedToAsync(index))
                logger.LogWarning("Search index {Index}: the rebuild failed after alias {Alias} was moved to it; it is kept.", index, alias);
            else
                await DeleteQuietlyAsync(index);
            throw;
        }
        foreach (var old in previous)
            await DeleteQuietlyAsync(old);
    }

    /// <summary>
    /// smartcn when the analysis-smartcn plugin is installed, else cjk: found by asking _analyze
    /// for the plugin's tokenizer (400 when there is none) once, and logged.
    /// </summary>
    public async Task<ChineseAnalysis> DetectChineseAnalysisAsync(CancellationToken cancellationToken)
    {
        if (analysis is { } known)
            return known;
        var answer = await connection.SendAsync(TransportMethod.POST, "_analyze",
            ElasticsearchJson.Body(new JsonObject { ["tokenizer"] = "smartcn_tokenizer", ["text"] = TextToAnalyze }), cancellationToken);
        ChineseAnalysis detected;
        if (answer.IsSuccess)
            detected = ChineseAnalysis.Smartcn;
        else if (answer.Status == 400)
            detected = ChineseAnalysis.Cjk;
        else
            throw new SearchUnavailableException($"Elasticsearch could not be asked which Chinese analysis it has: {answer.Describe()}.");
        logger.LogInformation(detected == ChineseAnalysis.Smartcn
            ? "Elasticsearch has the analysis-smartcn plugin: Chinese is split into dictionary words (smartcn)."
            : "Elasticsearch has no analysis-smartcn plugin: Chinese is split into bigrams (cjk). Install the plugin and reindex for word splitting.");
        analysis = detected;
        return detected;
    }

    private JsonObject AliasSwap(IReadOnlyList<string> previous, string index)
    {
        var actions = new JsonArray();
        foreach (var old in previous)
            actions.Add(new JsonObject { ["remove"] = new JsonObject { ["index"] = old, ["alias"] = alias } });
        actions.Add(new JsonObject { ["add"] = new JsonObject { ["index"] = index, ["alias"] = alias } });
        return new JsonObject { ["actions"] = actions };
    }

    private async Task<IReadOnlyList<string>> IndicesBehindAliasAsync(CancellationToken cancellationToken)
    {
        var answer = await connection.SendAsync(TransportMethod.GET, $"_alias/{alias}", null, cancellationToken);
        if (answer.Status == 404)
            return [];
        if (!answer.IsSuccess)
            throw new SearchUnavailableException($"Elasticsearch refused to tell which index is behind '{alias}': {answer.Describe()}.");
        using var json = JsonDocument.Parse(answer.Body);
        return json.RootElement.EnumerateObject().Select(index => index.Name).ToList();
    }

    /// <summary>The index behind the alias and its _meta; null when there is none.</summary>
    private async Task<(string Index, JsonObject Meta)?> ReadMetaAsync(CancellationToken cancellationToken)
    {
        var answer = await connection.SendAsync(TransportMethod.GET, $"{alias}/_mapping", null, cancellationToken);
        if (answer.Status == 404)
            return null;
        if (!answer.IsSuccess)
            throw new SearchUnavailableException($"Elasticsearch refused to show the index behind '{alias}': {answer.Describe()}.");
        var indices = JsonNode.Parse(answer.Body)?.AsObject()
            ?? throw new SearchUnavailableException($"Elasticsearch showed no mapping for '{alias}'.");
        if (indices.Count != 1)
            throw new SearchUnavailableException($"'{alias}' points to {indices.Count} indices; it should point to one.");
        var (index, mapping) = indices.Single();
        return (index, mapping?["mappings"]?["_meta"]?.DeepClone().AsObject() ?? new JsonObject());
    }

    private async Task<int> WriteInBatchesAsync(string target, IAsyncEnumerable<ListingSearchDocument> documents, CancellationToken cancellationToken)
    {
        var count = 0;
        var batch = new List<ListingSearchDocument>(BulkBatchSize);
        await foreach (var document in documents.WithCancellation(cancellationToken))
        {
            batch.Add(document);
            if (batch.Count == BulkBatchSize)
            {
                await new BulkWrite(connection, options, target, target == alias).RunAsync(batch, cancellationToken);
                count += batch.Count;
                batch.Clear();
            }
        }
        if (batch.Count > 0)
            await new BulkWrite(connection, options, target, target == alias).RunAsync(batch, cancellationToken);
        return count + batch.Count;
    }

    /// <summary>Whether the alias points to <paramref name="index"/>; true when that cannot be told, so nothing answering is deleted.</summary>
    private async Task<bool> AliasMovedToAsync(string index)
    {
        try
        {
            return (await IndicesBehindAliasAsync(CancellationToken.None)).Contains(index);
        }
        catch (SearchUnavailableException e)
        {
            logger.LogWarning(e, "Search index {Index}: could not tell whether alias {Alias} points to it; it is kept.", index, alias);
            return true;
        }
    }

    private async Task DeleteQuietlyAsync(string index)
    {
        try
        {
            var answer = await connection.SendAsync(TransportMethod.DELETE, index, null, CancellationToken.None);
            if (!answer.IsSuccess && answer.Status != 404)
                logger.LogWarning("Search index {Index} could not be deleted: {Answer}. Delete it by hand.", index, answer.Describe());
        }
        catch (SearchUnavailableException e)
        {
            logger.LogWarning(e, "Search index {Index} could not be deleted. Delete it by hand.", index);
        }
    }
}
