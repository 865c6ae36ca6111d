using ETicket.Domain.Listings;
using ETicket.Search;

namespace ETicket.Tests.Search.Elasticsearch;

/// <summary>Listings, queries and Elasticsearch answers shared by the tests without a server.</summary>
public static class ElasticsearchTestData
{
    public static readonly DateTimeOffset Now = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);

    public static ListingSearchDocument Concert(string id = "01938f5e7a2b7c3d8e9f0a1b2c3d4e01", int version = 3) => new(
        id, version, ListingStatus.OnSale, TicketCategory.Concert, "周杰伦演唱会 内场票", "嘉年华世界巡回演唱会，前排", "国家体育场",
        "北京", new DateTimeOffset(2027, 1, 15, 19, 30, 0, TimeSpan.FromHours(8)), 1280.50m,
        new DateTimeOffset(2026, 12, 1, 10, 0, 0, 500, TimeSpan.Zero).AddTicks(1234), new DateTimeOffset(2027, 1, 15, 11, 30, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 3, 9, 15, 0, TimeSpan.Zero));

    public static ListingSearchDocument Voucher(string id = "01938f5e7a2b7c3d8e9f0a1b2c3d4e02", int version = 1) => new(
        id, version, ListingStatus.Reserved, TicketCategory.Food, "ＣＯＬＤＰＬＡＹ brunch: \"AND\" (OR) *?", null, null,
        null, null, 88m, new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero),
        RepricedAt: null);

    public static ListingSearchQuery Query(
        ListingSearchSort sort = ListingSearchSort.Relevance, IReadOnlyList<string>? words = null, IReadOnlyList<TicketCategory>? categories = null,
        string? city = null, DateTimeOffset? startsFrom = null, DateTimeOffset? startsTo = null, decimal? minPrice = null, decimal? maxPrice = null,
        int first = 2, SearchCursor? after = null) =>
        new(words ?? [], categories ?? [], city, startsFrom, startsTo, minPrice, maxPrice, sort, first, after, Now);

    public const string BulkAllCreated = """
        {"took":30,"errors":false,"items":[
          {"index":{"_index":"eticket-listings-v2-20261206043000123","_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e01","_version":3,"result":"created","status":201,"_seq_no":0,"_primary_term":1}},
          {"index":{"_index":"eticket-listings-v2-20261206043000123","_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e02","_version":1,"result":"created","status":201,"_seq_no":1,"_primary_term":1}}]}
        """;

    public const string Acknowledged = """{"acknowledged":true}""";

    /// <summary>As in the reference's "index_not_found_exception" example.</summary>
    public const string IndexNotFound = """
        {"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [eticket-listings]","resource.type":"index_or_alias","resource.id":"eticket-listings","index_uuid":"_na_","index":"eticket-listings"}],
        "type":"index_not_found_exception","reason":"no such index [eticket-listings]","resource.type":"index_or_alias","resource.id":"eticket-listings","index_uuid":"_na_","index":"eticket-listings"},"status":404}
        """;

    public const string UnknownTokenizer = """
        {"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"failed to find global tokenizer under [smartcn_tokenizer]"}],
        "type":"illegal_argument_exception","reason":"failed to find global tokenizer under [smartcn_tokenizer]"},"status":400}
        """;

    public const string SmartcnTokens = """
        {"tokens":[{"token":"周","start_offset":0,"end_offset":1,"type":"word","position":0},{"token":"杰","start_offset":1,"end_offset":2,"type":"word","position":1},
        {"token":"伦","start_offset":2,"end_offset":3,"type":"word","position":2},{"token":"演唱会","start_offset":3,"end_offset":6,"type":"word","position":3}]}
        """;

    public const string TooManyRequests = """
        {"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"}],
        "type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"},"status":429}
        """;

    public const string Unavailable = """
        {"error":{"root_cause":[{"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"}],
        "type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"},"status":503}
        """;

    /// <summary>A get-mapping answer for the index behind the alias, with this backend's _meta.</summary>
    public static string Mapping(string index, int mappingVersion, string analysis, long? checkpoint, RebuiltIndex? rebuilt = null) =>
        "{\"" + index + "\":{\"mappings\":{\"dynamic\":\"strict\",\"_meta\":{\"mappingVersion\":" + mappingVersion
        + ",\"chineseAnalysis\":\"" + analysis + "\",\"checkpoint\":" + (checkpoint?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null")
        + (rebuilt is null ? "" : FormattableString.Invariant($",\"rebuiltFrom\":{rebuilt.Checkpoint},\"rebuiltThrough\":{rebuilt.Through}"))
        + "},\"properties\":{\"listingId\":{\"type\":\"keyword\"}}}}}";
}
