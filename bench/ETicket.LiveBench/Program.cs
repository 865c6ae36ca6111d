using System.Globalization;
using System.Text;
using ETicket.LiveBench;

LiveBenchOptions options;
try
{
    options = LiveBenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var log = Console.Out;
var fanOuts = new List<FanOutResult>();
HoldResult? hold = null;
var loadBefore = File.ReadAllText("/proc/loadavg").Trim();
foreach (var name in options.Topologies)
{
    var data = Path.Combine(options.DataDirectory, name);
    if (Directory.Exists(data))
        Directory.Delete(data, recursive: true);
    Directory.CreateDirectory(data);
    log.WriteLine($"==> {name}");
    await using var topology = name == "gateway" ? await Topology.GatewayAsync(options, data) : await Topology.AllInOneAsync(options, data);
    var subscribers = name == "gateway" ? options.GatewaySubscribers ?? options.Subscribers : options.Subscribers;
    fanOuts.Add(await FanOutRun.RunAsync(topology, subscribers, options.Publishes, options.Rate, name, options.RepoRoot, data, log));
    if (name == "all-in-one" && options.Hold > 0)
        hold = await HoldRun.RunAsync(topology, options.Hold, log);
}

Directory.CreateDirectory(Path.GetDirectoryName(options.Report)!);
await File.WriteAllTextAsync(options.Report, Markdown());
log.WriteLine($"==> report: {options.Report}");
return fanOuts.All(r => r.Delivered == r.Expected && r.FailedSubscribers == 0) && hold is not { Failed: > 0 } ? 0 : 1;

string Markdown()
{
    var md = new StringBuilder();
    var c = CultureInfo.InvariantCulture;
    md.AppendLine(c, $"# Subscription fan-out benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC").AppendLine();
    md.AppendLine(c, $"- {Environment.ProcessorCount} cores; load average before: {loadBefore}; after: {File.ReadAllText("/proc/loadavg").Trim()}");
    md.AppendLine(c, $"- Hive Gateway's workers (FORK, when a topology runs the gateway): {Environment.GetEnvironmentVariable("FORK") ?? "unset, one process"}");
    md.AppendLine(c, $"- subscription: `{FanOutRun.Query}` over graphql-transport-ws, every subscriber its own WebSocket, the load client in one .NET process on the same machine");
    md.AppendLine(c, $"- {options.Publishes} listings published through the API at {options.Rate}/s; latency from the publishing request's start to receipt (an upper bound of commit-to-receipt)");
    md.AppendLine("- server CPU: user+system time of the server processes (the gateway and both subgraphs when federated) while publishing, mutations included; \"net\" subtracts their idle rate").AppendLine();
    md.AppendLine("- memory per idle connection: growth of the servers' resident memory, and of their live managed heap (dotnet-gcdump, the .NET servers only), over the subscribers connected; both readings taken right after the full collection the heap dump makes").AppendLine();
    md.AppendLine("- load client: this process's CPU (the subscribers and the publisher) over the same interval; cores busy: the servers' and the load client's CPU together over the publishing time, of the machine's cores").AppendLine();
    md.AppendLine("| topology | subscribers | delivered | failed | p50 ms | p99 ms | max ms | CPU µs / delivery | net of idle | load client µs / delivery | cores busy | KB resident / idle connection | KB managed |");
    md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var r in fanOuts)
        md.AppendLine(c, $"| {r.Topology} | {r.Subscribers:N0} | {r.Delivered:N0} / {r.Expected:N0} | {r.FailedSubscribers} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.MaxMs:F1} | {r.CpuMicrosPerDelivery:F1} | {r.NetCpuMicrosPerDelivery:F1} | {r.ClientCpuMicrosPerDelivery:F1} | {r.CoresBusy:F2} / {Environment.ProcessorCount} | {r.BytesPerIdleConnection / 1024:F1} | {(r.ManagedBytesPerIdleConnection is { } m ? (m / 1024).ToString("F1", c) : "n/a")} |");
    md.AppendLine();
    if (hold is not null)
        md.AppendLine(c, $"Held {hold.Subscriptions:N0} open subscriptions all-in-one (connected in {hold.ConnectSeconds:F1} s): {hold.Delivered:N0} of {hold.Expected:N0} deliveries of 5 events, {hold.Failed} failed subscribers; server resident memory {hold.ResidentMegabytes:F0} MB.").AppendLine();
    foreach (var r in fanOuts.Where(r => r.Topology != "all-in-one"))
        md.AppendLine(c, $"CPU µs per delivery by process ({r.Topology}): {r.CpuByServer}").AppendLine();
    foreach (var r in fanOuts.Where(r => r.FirstFailure is not null))
        md.AppendLine(c, $"First failure ({r.Topology}): `{r.FirstFailure}`").AppendLine();
    foreach (var r in fanOuts)
        md.AppendLine(c, $"A message as received ({r.Topology}): `{r.SampleMessage}`").AppendLine();
    return md.ToString();
}
