namespace ETicket.Tests.Search.Elasticsearch;

/// <summary>Search answers shaped as in Elasticsearch's reference (search API, terms and filter aggregations).</summary>
public static class ElasticsearchResponses
{
    public const string EmptySearch = """
        {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]},
         "aggregations":{"categoryCounts":{"doc_count":0,"values":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[]}},
                         "cityCounts":{"doc_count":0,"values":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[]}}}}
        """;

    /// <summary>
    /// A RELEVANCE page asked with first 2: three hits (so there is a next page), sort values
    /// [_score, publishedAt as date_nanos, listingId], and facet buckets with ties.
    /// 1796119200000500000 ns is 2026-12-01T10:00:00.0005Z.
    /// </summary>
    public const string RelevancePage = """
        {
          "took": 5,
          "timed_out": false,
          "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
          "hits": {
            "total": {"value": 57, "relation": "eq"},
            "max_score": null,
            "hits": [
              {"_index": "eticket-listings-v2-20261206043000123", "_id": "01938f5e7a2b7c3d8e9f0a1b2c3d4e07", "_score": 2.0, "sort": [2.0, 1796119200000500000, "01938f5e7a2b7c3d8e9f0a1b2c3d4e07"]},
              {"_index": "eticket-listings-v2-20261206043000123", "_id": "01938f5e7a2b7c3d8e9f0a1b2c3d4e03", "_score": 1.0, "sort": [1.0, 1796119200000500000, "01938f5e7a2b7c3d8e9f0a1b2c3d4e03"]},
              {"_index": "eticket-listings-v2-20261206043000123", "_id": "01938f5e7a2b7c3d8e9f0a1b2c3d4e09", "_score": 1.0, "sort": [1.0, 1796000000000000000, "01938f5e7a2b7c3d8e9f0a1b2c3d4e09"]}
            ]
          },
          "aggregations": {
            "categoryCounts": {
              "doc_count": 70,
              "values": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [
                  {"key": "Concert", "doc_count": 40},
                  {"key": "Show", "doc_count": 15},
                  {"key": "Food", "doc_count": 15}
                ]
              }
            },
            "cityCounts": {
              "doc_count": 61,
              "values": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [
                  {"key": "北京", "doc_count": 30},
                  {"key": "上海", "doc_count": 20},
                  {"key": "Shenzhen", "doc_count": 11}
                ]
              }
            }
          }
        }
        """;

    /// <summary>A STARTS_AT_ASC page: the last hit has no start time, sorted last with Long.MAX_VALUE.</summary>
    public const string StartsAtPage = """
        {"took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":2,"relation":"eq"},"max_score":null,"hits":[
           {"_index":"i","_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e01","_score":null,"sort":[1800012600000000000,"01938f5e7a2b7c3d8e9f0a1b2c3d4e01"]},
           {"_index":"i","_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e02","_score":null,"sort":[9223372036854775807,"01938f5e7a2b7c3d8e9f0a1b2c3d4e02"]}]},
         "aggregations":{"categoryCounts":{"doc_count":2,"values":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"Concert","doc_count":1},{"key":"Food","doc_count":1}]}},
                         "cityCounts":{"doc_count":2,"values":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"北京","doc_count":1}]}}}}
        """;

    public const string TimedOut = """
        {"took":10000,"timed_out":true,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":3,"relation":"eq"},"max_score":null,"hits":[]},
         "aggregations":{"categoryCounts":{"doc_count":0,"values":{"buckets":[]}},"cityCounts":{"doc_count":0,"values":{"buckets":[]}}}}
        """;

    public const string ShardFailed = """
        {"took":3,"timed_out":false,"_shards":{"total":1,"successful":0,"skipped":0,"failed":1,
           "failures":[{"shard":0,"index":"eticket-listings-v2-20261206043000123","node":"n1","reason":{"type":"query_shard_exception","reason":"failed to create query"}}]},
         "hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}
        """;

    /// <summary>The reference's _bulk example with errors: one created, one version conflict, one mapper_parsing_exception.</summary>
    public const string BulkWithConflictAndRejection = """
        {"took":486,"errors":true,"items":[
          {"index":{"_index":"eticket-listings","_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e01","_version":3,"result":"updated","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":5,"_primary_term":1,"status":200}},
          {"index":{"_index":"eticket-listings","_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e02","status":409,"error":{"type":"version_conflict_engine_exception","reason":"[01938f5e7a2b7c3d8e9f0a1b2c3d4e02]: version conflict, current version [4] is higher or equal to the one provided [1]","index_uuid":"aAsFqTI0Tc2W0LCWgPNrOA","shard":"0","index":"eticket-listings"}}},
          {"index":{"_index":"eticket-listings","_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e03","status":400,"error":{"type":"document_parsing_exception","reason":"[1:190] failed to parse field [startsAt] of type [date_nanos] in document with id '01938f5e7a2b7c3d8e9f0a1b2c3d4e03'","caused_by":{"type":"mapper_parsing_exception","reason":"failed to parse date field"}}}}]}
        """;

    public const string BulkWithConflictOnly = """
        {"took":12,"errors":true,"items":[
          {"index":{"_index":"eticket-listings","_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e01","status":409,"error":{"type":"version_conflict_engine_exception","reason":"[01938f5e7a2b7c3d8e9f0a1b2c3d4e01]: version conflict, current version [5] is higher or equal to the one provided [3]","index_uuid":"aAsFqTI0Tc2W0LCWgPNrOA","shard":"0","index":"eticket-listings"}}},
          {"index":{"_index":"eticket-listings","_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e02","_version":1,"result":"created","status":201,"_seq_no":6,"_primary_term":1}}]}
        """;

    public const string BulkWithOneOverloaded = """
        {"took":12,"errors":true,"items":[
          {"index":{"_index":"eticket-listings","_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e01","_version":3,"result":"created","status":201}},
          {"index":{"_index":"eticket-listings","_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e02","status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of primary operation"}}}]}
        """;
}
