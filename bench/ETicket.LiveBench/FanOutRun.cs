using System.Diagnostics;

namespace ETicket.LiveBench;

/// <summary>What one fan-out run measured.</summary>
public sealed record FanOutResult(
    string Topology,
    int Subscribers,
    int Publishes,
    double Rate,
    long Expected,
    long Delivered,
    int FailedSubscribers,
    string? FirstFailure,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    double ServerCpuSeconds,
    double IdleCpuSecondsPerSecond,
    double PublishSeconds,
    double BytesPerIdleConnection,
    double? ManagedBytesPerIdleConnection,
    string CpuByServer,
    string SampleMessage,
    double ClientCpuSeconds)
{
    /// <summary>The load client's CPU (this process: the subscribers and the publisher) per delivery.</summary>
    public double ClientCpuMicrosPerDelivery => Delivered == 0 ? double.NaN : ClientCpuSeconds * 1e6 / Delivered;

    /// <summary>How many of the machine's cores the servers and the load client kept busy together while publishing: near all of them, latency is queueing.</summary>
    public double CoresBusy => (ServerCpuSeconds + ClientCpuSeconds) / PublishSeconds;

    /// <summary>All server CPU during the publishing phase (mutations included), per delivery.</summary>
    public double CpuMicrosPerDelivery => Delivered == 0 ? double.NaN : ServerCpuSeconds * 1e6 / Delivered;

    /// <summary>The same, less what the servers burn idle over as long (keep-alives, pollers).</summary>
    public double NetCpuMicrosPerDelivery => Delivered == 0 ? double.NaN : Math.Max(0, ServerCpuSeconds - IdleCpuSecondsPerSecond * PublishSeconds) * 1e6 / Delivered;
}

/// <summary>
/// Connects subscribers to listingPublished, measures the servers' memory per idle connection and
/// idle CPU, publishes listings at a steady rate and waits for every delivery.
/// </summary>
public static class FanOutRun
{
    public const string Query = "subscription { listingPublished(category: CONCERT) { id title price seller { nickname } } }";

    public static async Task<FanOutResult> RunAsync(Topology topology, int subscribers, int publishes, double rate, string runName, string repoRoot, string dataDirectory, TextWriter log)
    {
        using var publisher = new Publisher(topology.GraphQL);
        await publisher.SignInAsync("13900000000", "基准卖家");
        // Warm the servers' paths (JIT, pools) with a few subscribers and events before measuring.
        await using (var warm = await Subscribers.ConnectAsync(topology.GraphQL, Query, 10, 5, log))
            await publisher.PublishAsync(5, rate, runName + "-warm-up");
        await Task.Delay(2000);

        // Both resident readings follow the full collection a heap dump makes: what idle connections
        // keep, not the garbage their handshakes left for the next collection.
        var managedBefore = await ManagedBytesAsync(topology, repoRoot, dataDirectory, "before", log);
        var residentBefore = ProcessMeter.ResidentBytes(topology.Servers);
        await using var clients = await Subscribers.ConnectAsync(topology.GraphQL, Query, subscribers, publishes, log);
        await Task.Delay(5000);
        var managedAfter = await ManagedBytesAsync(topology, repoRoot, dataDirectory, "connected", log);
        var residentAfter = ProcessMeter.ResidentBytes(topology.Servers);
        var perConnection = (double)(residentAfter - residentBefore) / subscribers;
        double? managedPerConnection = managedBefore is { } b && managedAfter is { } a ? (double)(a - b) / subscribers : null;
        log.WriteLine($"    {subscribers:N0} subscribers connected; servers grew {(residentAfter - residentBefore) / 1048576.0:F1} MB resident: {perConnection / 1024:F1} KB per connection" +
                      (managedPerConnection is { } m ? $" ({m / 1024:F1} KB live managed)" : ""));

        var idleStart = ProcessMeter.CpuSeconds(topology.Servers);
        var idleWatch = Stopwatch.StartNew();
        await Task.Delay(5000);
        var idleRate = (ProcessMeter.CpuSeconds(topology.Servers) - idleStart) / idleWatch.Elapsed.TotalSeconds;

        var cpuStart = ProcessMeter.CpuSeconds(topology.Servers);
        var clientStart = ClientCpuSeconds();
        var cpuStartEach = topology.Servers.Select(server => ProcessMeter.CpuSeconds(server.Pid)).ToArray();
        var watch = Stopwatch.StartNew();
        var sent = await publisher.PublishAsync(publishes, rate, runName);
        var expected = (long)subscribers * publishes;
        var deadline = Stopwatch.StartNew();
        while (clients.Delivered < expected && clients.Failed == 0 && deadline.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(50);
        var elapsed = watch.Elapsed.TotalSeconds;
        var cpu = ProcessMeter.CpuSeconds(topology.Servers) - cpuStart;
        var clientCpu = ClientCpuSeconds() - clientStart;
        var cpuByServer = string.Join(", ", topology.Servers.Select((server, i) =>
            $"{server.Name} {(ProcessMeter.CpuSeconds(server.Pid) - cpuStartEach[i]) * 1e6 / Math.Max(1, clients.Delivered):F1}"));

        var latencies = clients.LatenciesMs(sent);
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        var result = new FanOutResult(topology.Name, subscribers, publishes, rate, expected, clients.Delivered, clients.Failed, clients.FirstFailure,
            Percentile(0.50), Percentile(0.99), latencies.Count == 0 ? double.NaN : latencies[^1], cpu, idleRate, elapsed, perConnection, managedPerConnection, cpuByServer, clients.SampleMessage, clientCpu);
        log.WriteLine($"    delivered {result.Delivered:N0} of {expected:N0}; p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms; " +
                      $"server CPU {cpu:F2} s = {result.CpuMicrosPerDelivery:F1} µs per delivery ({result.NetCpuMicrosPerDelivery:F1} net of idle; µs by process: {cpuByServer}); " +
                      $"load client {result.ClientCpuMicrosPerDelivery:F1} µs per delivery; {result.CoresBusy:F2} of {Environment.ProcessorCount} cores busy");
        return result;
    }

    private static double ClientCpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>The live managed heap of the .NET servers (not the gateway), summed; null when a dump failed.</summary>
    private static async Task<long?> ManagedBytesAsync(Topology topology, string repoRoot, string dataDirectory, string label, TextWriter log)
    {
        long total = 0;
        foreach (var server in topology.Servers.Where(s => s.IsDotNet))
        {
            if (await ManagedHeap.LiveBytesAsync(server.Pid, repoRoot, dataDirectory, $"{server.Name}-{label}", log) is not { } bytes)
                return null;
            total += bytes;
        }
        return total;
    }
}
