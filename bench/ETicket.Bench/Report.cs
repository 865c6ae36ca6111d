using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using ETicket.Domain.Persistence;

namespace ETicket.Bench;

/// <summary>The Markdown report: summary against the targets, then per database the runs, SQL and plans.</summary>
public sealed class Report(BenchOptions options)
{
    private readonly List<ProviderReport> _providers = [];
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private readonly string _loadBefore = LoadAverage();

    /// <summary>The platform's share of the raw floor's throughput the query-layer issue asks for.</summary>
    public static double TargetFor(DatabaseProvider provider) => provider == DatabaseProvider.MySql ? 0.70 : 0.60;

    public void Add(ProviderReport provider) => _providers.Add(provider);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Market page benchmark, {_started:yyyy-MM-dd HH:mm} UTC").AppendLine();
        md.AppendLine("`bench/run.sh` (see docs/benchmarks.md). The platform is the real host (`PlatformHost.Build`, Production, " +
                      "logging at Warning); the raw floor is a plain ASP.NET Core endpoint running the same two statements with " +
                      "the ADO.NET driver and writing the same JSON; the minimal GraphQL.NET server is GraphQL.NET with its documented defaults " +
                      "and a schema just wide enough for the query, whose resolver runs the floor's statements. All in one process, driven in turn by wrk over loopback. " +
                      "Through Hive Gateway: the members and tickets subgraphs (the built platform, one role each, configured as the in-process host) " +
                      "and the gateway run as child processes on the same database, driven the same way.").AppendLine();
        md.AppendLine("## Machine and settings").AppendLine();
        foreach (var line in Machine())
            md.AppendLine("- " + line);
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- load: wrk {options.Threads} threads, {options.Connections} connections, warm-up per target in rounds of {options.Warmup.TotalSeconds:F0} s " +
            $"until the JIT is idle (through the gateway: until its processes' CPU per request stops falling; at most {options.WarmupMax.TotalSeconds:F0} s), " +
            $"then {options.Runs} runs of {options.Duration.TotalSeconds:F0} s per target, interleaved; figures are medians of the runs");
        md.AppendLine(CultureInfo.InvariantCulture, $"- load average before the run: {_loadBefore}; after: {LoadAverage()}").AppendLine();

        md.AppendLine("## Summary").AppendLine();
        if (options.MeasureAllInOne)
        {
            md.AppendLine("Platform and raw floor run the same statements (see the plans); so does the minimal GraphQL.NET server, through the floor's code.").AppendLine();
            md.AppendLine("| database | variant | page | platform req/s | p50 / p99 ms | raw req/s | p50 / p99 ms | platform ÷ raw | target | | minimal GraphQL.NET req/s | minimal ÷ raw |");
            md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
            foreach (var provider in _providers)
            {
                foreach (var variant in provider.Variants)
                {
                    foreach (var (platform, raw, minimal) in Rows(variant))
                    {
                        var ratio = platform.RequestsPerSecond / raw.RequestsPerSecond;
                        var target = TargetFor(provider.Database.Provider);
                        md.AppendLine(CultureInfo.InvariantCulture,
                            $"| {provider.Database.Name} | {variant.Name} | {platform.Target.Page} | {platform.RequestsPerSecond:N0} | {platform.P50Ms:F2} / {platform.P99Ms:F2} " +
                            $"| {raw.RequestsPerSecond:N0} | {raw.P50Ms:F2} / {raw.P99Ms:F2} | **{ratio:P0}** | {target:P0} | {(ratio >= target ? "met" : "missed")} " +
                            $"| {minimal.RequestsPerSecond:N0} | {minimal.RequestsPerSecond / raw.RequestsPerSecond:P0} |");
                    }
                }
            }
            md.AppendLine();
        }
        GatewaySummary.Append(md, _providers);

        foreach (var provider in _providers)
            AppendProvider(md, provider);
        return md.ToString();
    }

    private static IEnumerable<(TargetResult Platform, TargetResult Raw, TargetResult Minimal)> Rows(VariantReport variant) =>
        variant.Results.Where(r => r.Target.Server == "platform").Select(p => (p, Server(variant, "raw", p.Target.Page), Server(variant, "minimal", p.Target.Page)));

    private static TargetResult Server(VariantReport variant, string server, int page) =>
        variant.Results.Single(r => r.Target.Server == server && r.Target.Page == page);

    private static void AppendProvider(StringBuilder md, ProviderReport provider)
    {
        var seed = provider.Seed;
        md.AppendLine(CultureInfo.InvariantCulture, $"## {provider.Database.Name}").AppendLine();
        md.AppendLine("- " + provider.Versions);
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- data: {seed.Listings:N0} listings, {seed.Sellers:N0} sellers ({(seed.Reused ? "reused from an earlier run" : $"seeded in {seed.Took.TotalSeconds:F1} s")}); " +
            $"by status: {string.Join(", ", seed.ByStatus.Select(s => $"{s.Status} {s.Count:N0}"))}; on sale but past expiry (not yet swept): {seed.OnSalePastExpiry:N0}");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- the market page's filter ({Market.Category}, {Market.City}, on sale) matches {seed.MarketRows:N0} listings; " +
            $"page {Market.DeepPage} is rows {(Market.DeepPage - 1) * Market.PageSize + 1:N0}-{Market.DeepPage * Market.PageSize:N0}");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- response bodies (characters): platform {provider.PlatformFirstPageChars:N0} / {provider.PlatformDeepPageChars:N0}, " +
            $"raw {provider.RawFirstPageChars:N0} / {provider.RawDeepPageChars:N0} (page 1 / page {Market.DeepPage}; they differ only in the cursor's encoding)");
        md.AppendLine(provider.GatewayChecked
            ? "- checked before and after every measurement: the three servers and the gateway return the same titles, prices and nicknames on both pages, " +
              "and the gateway's bodies are byte-identical to the all-in-one host's"
            : "- checked before and after every measurement: the three servers return the same titles, prices and nicknames on both pages").AppendLine();

        foreach (var variant in provider.Variants.Where(v => v.Results.Count > 0))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### Runs ({variant.Name})").AppendLine();
            md.AppendLine("CPU per request: app = the server under load (this process for the in-process servers; the gateway and both subgraphs together " +
                          "through the gateway, split by process beside it; jit and alloc are this process's, so only for the in-process servers), " +
                          "others = measured processes not serving the target (idle servers: the child processes during in-process targets, this process during the gateway's), " +
                          "MariaDB's server process, wrk; foreign = other processes' share of the machine during the run, steal = the hypervisor's.").AppendLine();
            md.AppendLine("| target | run | req/s | p50 ms | p99 ms | failed | app µs/req | by process µs/req | jit µs/req | alloc KB/req | others µs/req | db µs/req | wrk µs/req | foreign | steal |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var target in variant.Results)
            {
                var inThisProcess = target.Target.InThisProcess;
                foreach (var (run, index) in target.Runs.Select((r, i) => (r, i + 1)))
                {
                    var app = run.CpuMicrosPerRequest(target.Target.ServedBy);
                    var others = run.Cpu.MeasuredSeconds * 1e6 / Math.Max(1, run.Requests) - app - run.DbCpuMicrosPerRequest;
                    var byProcess = inThisProcess ? "–" : string.Join(" / ", target.Target.ServedBy.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p} {run.CpuMicrosPerRequest(p):F0}")));
                    md.AppendLine(CultureInfo.InvariantCulture,
                        $"| {target.Target.Name} | {index} | {run.RequestsPerSecond:N0} | {run.P50Ms:F2} | {run.P99Ms:F2} | {run.FailureSummary} | {app:F0} | {byProcess} | " +
                        $"{(inThisProcess ? run.JitMicrosPerRequest.ToString("F0", CultureInfo.InvariantCulture) : "–")} | {(inThisProcess ? run.AllocatedKilobytesPerRequest.ToString("F1", CultureInfo.InvariantCulture) : "–")} | " +
                        $"{others:F0} | {run.DbCpuMicrosPerRequest:F0} | {run.DriverCpuMicrosPerRequest:F0} | {run.Cpu.ForeignShare(target.Cores):P0} | {run.Cpu.StealShare(target.Cores):P0} |");
                }
            }
            md.AppendLine();
        }

        md.AppendLine("### SQL the platform sent").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Page 1: {provider.FirstPageSql.Count} statements; page {Market.DeepPage}: {provider.DeepPageSql.Count} statements.").AppendLine();
        foreach (var variant in provider.Variants)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### Plans ({variant.Name})").AppendLine();
            foreach (var explain in variant.Explain)
                md.Append(explain);
        }
    }

    private static IEnumerable<string> Machine()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        yield return $"{Environment.ProcessorCount} cores ({model ?? "unknown CPU"}), {memory ?? "unknown"} memory, {RuntimeInformation.OSDescription}";
        yield return $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, tiered PGO default; " +
                     $"wrk: {WrkVersion()}";
        yield return "everything on this one machine: wrk, the servers, the gateway, MariaDB; loopback only";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string WrkVersion()
    {
        try
        {
            using var wrk = Process.Start(new ProcessStartInfo("wrk", "-v") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            var text = wrk.StandardOutput.ReadToEnd() + wrk.StandardError.ReadToEnd();
            wrk.WaitForExit();
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}
