using System.Diagnostics;
using ETicket.Search;
using ETicket.Search.Lucene;
using Lucene.Net.Search;

namespace ETicket.SearchBench;

/// <summary>One step of a search and its latency over the profile's runs.</summary>
public sealed record ProfileStep(string Name, double P50Ms, double P99Ms);

/// <summary>
/// Where the time of one search goes, in this process on one thread over the floor's searcher, each
/// step adding to the one before: finding the text's matches (postings and, for words of more than
/// one token, phrase positions), then checking every match's filters and counting the facets, then
/// keeping the sorted page (the whole search, as the platform runs it).
/// </summary>
internal static class SearchProfile
{
    private const int WarmUpRuns = 20;
    private const int Runs = 100;

    public static IReadOnlyList<ProfileStep> Measure(IndexSearcher searcher, ListingColumns.PerSegment columns, ListingSearchQuery query)
    {
        var text = ListingTextQuery.For(query.Words) ?? new MatchAllDocsQuery();
        return
        [
            Time("matches", () => searcher.Search(text, new TotalHitCountCollector())),
            Time("+ filters and facets", () => searcher.Search(text, new ListingMatchCollector(new ListingFilter(query), new TotalHitCountCollector(), columns))),
            Time("+ sorted page", () => ListingIndexStore.Search(searcher, query, columns)),
        ];
    }

    private static ProfileStep Time(string name, Action search)
    {
        for (var i = 0; i < WarmUpRuns; i++)
            search();
        var times = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            search();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return new ProfileStep(name, NearestRank.Of(times, 0.5), NearestRank.Of(times, 0.99));
    }
}
