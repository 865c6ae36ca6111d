namespace ETicket.Graph.Limits;

/// <summary>
/// Configuration section <c>ETicket:Query</c>: how much one GraphQL operation may ask for. Over a
/// limit the operation is refused before anything runs (docs/query-limits.md says why the defaults).
/// </summary>
public sealed class QueryLimitOptions
{
    public const string Section = "ETicket:Query";

    /// <summary>Field levels, root fields being level 1. Introspection operations are exempt.</summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>
    /// Budget for the values one operation may resolve: every field costs 1, times the page sizes of
    /// the connections it sits in (<see cref="QueryComplexity"/>). Also the most fields an operation
    /// may have with its fragments written out (<see cref="OperationSizeRule"/>).
    /// </summary>
    public int MaxComplexity { get; set; } = 100_000;

    /// <summary>The longest document, in characters; checked before the document is parsed.</summary>
    public int MaxDocumentLength { get; set; } = 16 * 1024;

    /// <summary>Aliased fields in the operation, a fragment counted each time it is spread.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>
    /// The most terms a listing filter (<c>where</c>) may have: every condition, every value of an
    /// <c>in</c> and every element of an <c>and</c> or <c>or</c> counts one. Checked while the filter
    /// is read, before any query is built (ListingFilterReader).
    /// </summary>
    public int MaxFilterTerms { get; set; } = 200;

    /// <summary>How deep <c>and</c> and <c>or</c> may nest in a listing filter: <c>{ or: [{ and: [...] }] }</c> nests 2.</summary>
    public int MaxFilterNesting { get; set; } = 5;

    /// <summary>
    /// Whether <c>__schema</c> and <c>__type</c> are answered (<c>__typename</c> always is). When not
    /// configured: on in Development, off elsewhere.
    /// </summary>
    public bool Introspection { get; set; }
}
