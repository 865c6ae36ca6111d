using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ETicket.Bench;

namespace ETicket.SearchBench;

/// <summary>The Markdown report: machine and settings, then per database the index, freshness, answers and the searches against issue 14's targets.</summary>
public sealed class SearchReport(SearchBenchOptions options)
{
    /// <summary>Issue 14's targets on the 2-core machine.</summary>
    public const double P99TargetMs = 20;
    public const double FloorShareTarget = 0.60;
    public const double LikeMultipleTarget = 20;

    private readonly List<SearchRunReport> runs = [];
    private readonly DateTimeOffset started = DateTimeOffset.UtcNow;
    private readonly string loadBefore = LoadAverage();

    public void Add(SearchRunReport run) => runs.Add(run);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"# Search benchmark, {started:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine("`bench/search.sh` (see docs/benchmarks.md, \"Search\"). The platform is the real host (Production, logging at Warning) " +
                      "serving `searchListings`; the raw Lucene floor runs the platform's own Lucene query building on a bare IndexSearcher " +
                      "over the same index behind a plain ASP.NET Core endpoint; LIKE is the same search as SQL `LIKE '%word%'` (one page, " +
                      "no total, no facets). Same POST body, same JSON shape, wrk over loopback, all in one process.");
        md.AppendLine();
        md.AppendLine("## Machine and settings");
        md.AppendLine();
        Line($"- {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        Line($"- {options.Listings:N0} listings from {options.Sellers:N0} sellers");
        Line($"- wrk {options.Threads} threads, {options.Connections} connections; {options.Warmup.TotalSeconds:F0} s warm-up per target, then {options.Runs} run(s) of {options.Duration.TotalSeconds:F0} s per target, interleaved; medians of the runs");
        Line($"- LIKE: {options.LikeConnections} connections and runs of {options.Duration.TotalSeconds * 3:F0} s (at {options.Connections}, a scan queued behind the others outlasts the run; {options.LikeConnections} already keep both cores busy), so its latencies are not comparable with the others', its throughput is");
        Line($"- \"alone\": the platform on 1 connection, the latency of one search without queueing");
        Line($"- load average before: {loadBefore}; after: {LoadAverage()}. \"foreign\" below is other processes' share of the machine during the run: above a few percent, the machine was not quiet");
        md.AppendLine();
        foreach (var run in runs)
            AppendRun(md, run);
        return md.ToString();
    }

    private static void AppendRun(StringBuilder md, SearchRunReport run)
    {
        // Plain strings (some lines are concatenated); the program runs with the invariant culture.
        void Line(string text) => md.AppendLine(text);
        Line($"## {run.Database.Name}");
        md.AppendLine();
        var seeding = run.Seeding == TimeSpan.Zero ? "reused from an earlier run" : run.Seeding.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture) + " s";
        Line($"- seeding: {seeding}");
        Line($"- index build (platform start with no index → index Ready, read from {run.Database.Name}): **{run.IndexBuild.TotalSeconds:F1} s**, {run.IndexBytes / 1048576.0:F0} MiB on disk ({run.Listings:N0} listings)");
        if (run.Freshness is { } fresh)
        {
            var withinSecond = fresh.NotFound == 0 && fresh.FoundPercentile(1) <= 1000;
            Line($"- freshness: {fresh.Published} listings published through GraphQL at {fresh.PerSecond:F0}/s, each searched for every " +
                 $"{Freshness.PollEvery.TotalMilliseconds:F0} ms until found. From sending publishListing: p50 **{fresh.FoundPercentile(0.5):F0} ms**, " +
                 $"p99 **{fresh.FoundPercentile(0.99):F0} ms**, max {fresh.FoundPercentile(1):F0} ms; of which publishListing's own answer p50 " +
                 $"{fresh.PublishPercentile(0.5):F0} ms, p99 {fresh.PublishPercentile(0.99):F0} ms; from its answer to found: p50 " +
                 $"{fresh.AfterAnswerPercentile(0.5):F0} ms, p99 {fresh.AfterAnswerPercentile(0.99):F0} ms. Not found within " +
                 $"{fresh.Deadline.TotalSeconds:F0} s: {fresh.NotFound}. Target (found within 1 s): {Verdict(withinSecond)}. " +
                 $"Before them, {fresh.WarmUp.Count} warm-up listings one at a time, not counted: publishListing answered in " +
                 $"{fresh.WarmUpPublishMs} ms, found after {string.Join(", ", fresh.WarmUp.Select(w => $"{w.FoundMs:F0}"))} ms");
        }
        md.AppendLine();
        md.AppendLine("| search | what | total | floor agrees | LIKE rows on page |");
        md.AppendLine("|---|---|---:|---|---:|");
        foreach (var check in run.Checks)
            Line($"| {check.Search.Name} | {check.Search.Shows} | {check.Platform.TotalCount:N0} | {(check.FloorAgrees ? "yes" : "**no**")} | {check.Like.Rows.Count} |");
        md.AppendLine();
        if (run.Profiles.Count > 0)
        {
            md.AppendLine("Where one search's time goes: in-process, one thread, the floor's searcher, 100 runs after 20; each step adds to the one before (p50 / p99 ms):");
            md.AppendLine();
            md.AppendLine("| search | " + string.Join(" | ", run.Profiles[0].Steps.Select(s => s.Name)) + " |");
            md.AppendLine("|---|" + string.Concat(run.Profiles[0].Steps.Select(_ => "---:|")));
            foreach (var (search, steps) in run.Profiles)
                Line($"| {search.Name} | " + string.Join(" | ", steps.Select(s => $"{s.P50Ms:F1} / {s.P99Ms:F1}")) + " |");
            md.AppendLine();
        }
        if (run.Measurements.Count == 0)
            return;
        md.AppendLine("| search | platform req/s | p50 / p99 ms | p99 < 20 ms | alone p50 / p99 ms | Lucene floor req/s | p50 / p99 ms | platform ÷ floor (≥ 60 %) | LIKE req/s | p50 / p99 ms | platform ÷ LIKE (≥ 20×) | foreign |");
        md.AppendLine("|---|---:|---:|---|---:|---:|---:|---|---:|---:|---|---:|");
        foreach (var m in run.Measurements)
        {
            var p = m.Platform;
            var share = p is not null && m.Lucene is not null ? p.RequestsPerSecond / m.Lucene.RequestsPerSecond : double.NaN;
            var multiple = p is not null && m.Like is not null ? p.RequestsPerSecond / m.Like.RequestsPerSecond : double.NaN;
            var versusLike = m.Like is null ? "LIKE completed no request" : multiple.ToString("F0", CultureInfo.InvariantCulture) + "× " + Verdict(multiple >= LikeMultipleTarget);
            Line($"| {m.Search.Name} | {Rate(p)} | {Latency(p)} | {Verdict(p is not null && p.P99Ms < P99TargetMs)} " +
                 $"| {Latency(m.PlatformAlone)} | {Rate(m.Lucene)} | {Latency(m.Lucene)} | {share:P0} {Verdict(share >= FloorShareTarget)} " +
                 $"| {Rate(m.Like)} | {Latency(m.Like)} | {versusLike} " +
                 $"| {p?.ForeignShare ?? double.NaN:P0} |");
        }
        md.AppendLine();
    }

    private static string Verdict(bool met) => met ? "met" : "**missed**";
    private static string Rate(TargetResult? result) => result is null ? "–" : result.RequestsPerSecond.ToString("N1", CultureInfo.InvariantCulture);
    private static string Latency(TargetResult? result) => result is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{result.P50Ms:F2} / {result.P99Ms:F2}");

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
