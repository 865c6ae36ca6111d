using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using ETicket.Graph.Limits;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace ETicket.Graph.Transport;

/// <summary>
/// Documents that parsed and passed validation, by query text. Clients send the same few operations
/// all day (the mini-program's market page is one fixed text with variables), and validating a
/// document again costs more than a page's SQL (docs/benchmarks.md): a repeated text skips the
/// parser (<see cref="GraphQLExecutor.TryParse"/>) and the validation rules that read only the
/// document. Still run on every request: the coercion of variables and arguments (always part of
/// GraphQL.NET's validation), the rules registered for cached documents, and the complexity
/// analyzer when its total may depend on variables (<c>first: $n</c>, <c>@include(if: $x)</c>).
/// An operation whose complexity reads no variable (<see cref="QueryComplexity.DependsOnVariables"/>)
/// has the same total every time: once it passed, it is not analyzed again, which spares the
/// validator its two walks of the document.
/// The same idea as GraphQL.NET's MemoryDocumentCache (package GraphQL.MemoryCache, not served here).
/// </summary>
public sealed class DocumentCache : IConfigureExecution
{
    /// <summary>Bounds the memory held: once the cached texts reach this many characters, new documents are not cached.</summary>
    public const int MaxCachedCharacters = 1_000_000;

    private readonly ConcurrentDictionary<string, GraphQLDocument> _validated = new(StringComparer.Ordinal);

    /// <summary>Operations (document, operation name) of cached documents whose complexity passed and reads no variable.</summary>
    private readonly ConcurrentDictionary<(GraphQLDocument Document, string? Operation), bool> _complexityPassed = new();
    private long _cachedCharacters;

    /// <summary>After the configurations that install validation rules (sort order 100), like MemoryDocumentCache.</summary>
    public float SortOrder => 200;

    public int Count => _validated.Count;

    /// <summary>The parsed document of a text that has passed validation before.</summary>
    public bool TryGet(string query, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GraphQLDocument? document) =>
        _validated.TryGetValue(query, out document);

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var query = options.Query;
        var document = options.Document;
        var cached = query is not null && document is not null && _validated.TryGetValue(query, out var known) && ReferenceEquals(known, document);
        var complexityPassed = cached && _complexityPassed.ContainsKey((document!, options.OperationName));
        if (cached)
        {
            options.ValidationRules =
            [
                .. options.CachedDocumentValidationRules ?? [],
                .. complexityPassed ? [] : (options.ValidationRules ?? []).Where(rule => rule is ComplexityValidationRule).ToList(),
            ];
        }

        var result = await next(options).ConfigureAwait(false);

        // Executed: validation passed. Only documents the transport parsed from this very text are kept.
        if (!cached && result.Executed && query is not null && document is not null)
        {
            if (Interlocked.Add(ref _cachedCharacters, query.Length) > MaxCachedCharacters || !_validated.TryAdd(query, document))
                Interlocked.Add(ref _cachedCharacters, -query.Length);
        }

        // Executed: the complexity analyzer ran and passed; when nothing in it can change, that holds for good.
        if (!complexityPassed && result.Executed && document is not null && result.Operation is { } operation
            && _validated.TryGetValue(query!, out var kept) && ReferenceEquals(kept, document)
            && !QueryComplexity.DependsOnVariables(document, operation))
        {
            _complexityPassed.TryAdd((document, options.OperationName), true);
        }

        return result;
    }
}
