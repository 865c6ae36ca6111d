using System.Text.Json.Nodes;

namespace ETicket.Search.Elasticsearch;

/// <summary>The index's settings, analysis and mapping, all in code, and the _meta that versions them.</summary>
public static class ListingIndexMapping
{
    /// <summary>Raise it whenever the settings or mapping change: indices built before are then Outdated and rebuilt.</summary>
    public const int Version = 2;

    public const string TextAnalyzer = "listing_text";
    public const string GramsAnalyzer = "listing_grams";

    /// <summary>The body of the create-index request.</summary>
    public static JsonObject CreateIndexBody(ChineseAnalysis analysis, RebuiltIndex rebuilt) => new()
    {
        ["settings"] = new JsonObject
        {
            // One shard: terms aggregations are exact, and a million listings fit one shard easily.
            ["number_of_shards"] = 1,
            ["analysis"] = new JsonObject
            {
                ["analyzer"] = new JsonObject
                {
                    [TextAnalyzer] = TextAnalyzerDefinition(analysis),
                    // Overlapping bigrams of CJK runs, whole words elsewhere: 杰伦 is a bigram of 周杰伦, not of 林俊杰.
                    [GramsAnalyzer] = new JsonObject
                    {
                        ["type"] = "custom",
                        ["tokenizer"] = "standard",
                        ["filter"] = new JsonArray("cjk_width", "lowercase", "cjk_bigram"),
                    },
                },
            },
        },
        ["mappings"] = Mappings(analysis, rebuilt),
    };

    /// <summary>
    /// What the index records about itself: the checkpoint is updated after writes; the rebuild that
    /// made it tells processes sharing the index when another's rebuild is done and where to follow from.
    /// </summary>
    public static JsonObject Meta(ChineseAnalysis analysis, RebuiltIndex rebuilt) => new()
    {
        ["mappingVersion"] = Version,
        ["chineseAnalysis"] = Name(analysis),
        ["checkpoint"] = rebuilt.Checkpoint,
        [RebuiltFromKey] = rebuilt.Checkpoint,
        [RebuiltThroughKey] = rebuilt.Through,
    };

    /// <summary>The rebuild recorded in an index's _meta; null for an index built before it was recorded.</summary>
    public static RebuiltIndex? Rebuilt(JsonObject meta) =>
        meta[RebuiltFromKey]?.GetValue<long>() is { } from && meta[RebuiltThroughKey]?.GetValue<long>() is { } through
            ? new RebuiltIndex(from, through)
            : null;

    private const string RebuiltFromKey = "rebuiltFrom";
    private const string RebuiltThroughKey = "rebuiltThrough";

    public static string Name(ChineseAnalysis analysis) => analysis == ChineseAnalysis.Smartcn ? "smartcn" : "cjk";

    private static JsonObject TextAnalyzerDefinition(ChineseAnalysis analysis) => analysis switch
    {
        // cjk_width folds full-width Latin (ＣＯＬＤＰＬＡＹ) as NFKC does for the query's words.
        ChineseAnalysis.Smartcn => new JsonObject
        {
            ["type"] = "custom",
            ["tokenizer"] = "smartcn_tokenizer",
            ["filter"] = new JsonArray("cjk_width", "lowercase"),
        },
        // The built-in cjk analyzer, without its English stop words: every word of a search must match.
        _ => new JsonObject
        {
            ["type"] = "custom",
            ["tokenizer"] = "standard",
            ["filter"] = new JsonArray("cjk_width", "lowercase", "cjk_bigram"),
        },
    };

    private static JsonObject Mappings(ChineseAnalysis analysis, RebuiltIndex rebuilt) => new()
    {
        ["dynamic"] = "strict",
        ["_meta"] = Meta(analysis, rebuilt),
        ["properties"] = new JsonObject
        {
            [ListingFields.ListingId] = Keyword(),
            [ListingFields.Version] = new JsonObject { ["type"] = "integer" },
            [ListingFields.Status] = Keyword(),
            [ListingFields.Category] = Keyword(),
            [ListingFields.Title] = Text(),
            [ListingFields.Description] = Text(),
            [ListingFields.Venue] = Text(),
            [ListingFields.City] = new JsonObject
            {
                ["type"] = "keyword",
                ["fields"] = new JsonObject
                {
                    ["text"] = new JsonObject { ["type"] = "text", ["analyzer"] = TextAnalyzer },
                    [ListingFields.Grams] = new JsonObject { ["type"] = "text", ["analyzer"] = GramsAnalyzer },
                },
            },
            [ListingFields.PriceCents] = new JsonObject { ["type"] = "long" },
            [ListingFields.StartsAt] = Date(),
            [ListingFields.PublishedAt] = Date(),
            [ListingFields.ExpiresAt] = Date(),
            [ListingFields.RepricedAt] = Date(),
        },
    };

    private static JsonObject Keyword() => new() { ["type"] = "keyword" };

    private static JsonObject Date() => new() { ["type"] = "date_nanos" };

    private static JsonObject Text() => new()
    {
        ["type"] = "text",
        ["analyzer"] = TextAnalyzer,
        ["fields"] = new JsonObject
        {
            [ListingFields.Grams] = new JsonObject { ["type"] = "text", ["analyzer"] = GramsAnalyzer },
        },
    };
}
