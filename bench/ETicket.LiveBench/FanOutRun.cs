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
    string SampleMessage)
{
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

    public static async Task<FanOutResult> RunAsync(Topology topology, int subscribers, int publishes, double rate, string runName, TextWriter log)
    {
        using var publisher = new Publisher(topology.GraphQL);
        await publisher.SignInAsync("13900000000", "基准卖家");
        // Warm the servers' paths (JIT, pools) with a few subscribers and events before measuring.
        await using (var warm = await Subscribers.ConnectAsync(topology.GraphQL, Query, 10, 5, log))
            await publisher.PublishAsync(5, rate, runName + "-warm-up");
        await Task.Delay(2000);

        GC.Collect();
        var residentBefore = ProcessMeter.ResidentBytes(topology.Servers);
        await using var clients = await Subscribers.ConnectAsync(topology.GraphQL, Query, subscribers, publishes, log);
        await Task.Delay(5000);
        var residentAfter = ProcessMeter.ResidentBytes(topology.Servers);
        var perConnection = (double)(residentAfter - residentBefore) / subscribers;
        log.WriteLine($"    {subscribers:N0} subscribers connected; servers grew {(residentAfter - residentBefore) / 1048576.0:F1} MB: {perConnection / 1024:F1} KB per connection");

        var idleStart = ProcessMeter.CpuSeconds(topology.Servers);
        var idleWatch = Stopwatch.StartNew();
        await Task.Delay(5000);
        var idleRate = (ProcessMeter.CpuSeconds(topology.Servers) - idleStart) / idleWatch.Elapsed.TotalSeconds;

        var cpuStart = ProcessMeter.CpuSeconds(topology.Servers);
        var watch = Stopwatch.StartNew();
        var sent = await publisher.PublishAsync(publishes, rate, runName);
        var expected = (long)subscribers * publishes;
        var deadline = Stopwatch.StartNew();
        while (clients.Delivered < expected && clients.Failed == 0 && deadline.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(50);
        var elapsed = watch.Elapsed.TotalSeconds;
        var cpu = ProcessMeter.CpuSeconds(topology.Servers) - cpuStart;

        var latencies = clients.LatenciesMs(sent);
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        var result = new FanOutResult(topology.Name, subscribers, publishes, rate, expected, clients.Delivered, clients.Failed, clients.FirstFailure,
            Percentile(0.50), Percentile(0.99), latencies.Count == 0 ? double.NaN : latencies[^1], cpu, idleRate, elapsed, perConnection, clients.SampleMessage);
        log.WriteLine($"    delivered {result.Delivered:N0} of {expected:N0}; p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms; " +
                      $"server CPU {cpu:F2} s = {result.CpuMicrosPerDelivery:F1} µs per delivery ({result.NetCpuMicrosPerDelivery:F1} net of idle)");
        return result;
    }
}
