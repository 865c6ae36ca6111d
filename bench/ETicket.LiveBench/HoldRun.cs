namespace ETicket.LiveBench;

public sealed record HoldResult(int Subscriptions, long Expected, long Delivered, int Failed, string? FirstFailure, double ConnectSeconds, double ResidentMegabytes);

/// <summary>Holds many open subscriptions at once and checks that each still receives every event.</summary>
public static class HoldRun
{
    private const int Events = 5;

    public static async Task<HoldResult> RunAsync(Topology topology, int subscriptions, TextWriter log)
    {
        using var publisher = new Publisher(topology.GraphQL);
        await publisher.SignInAsync("13900000001", "保持连接");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var clients = await Subscribers.ConnectAsync(topology.GraphQL, FanOutRun.Query, subscriptions, Events, log);
        var connectSeconds = watch.Elapsed.TotalSeconds;
        await Task.Delay(3000);
        await publisher.PublishAsync(Events, 2, "hold");
        var expected = (long)subscriptions * Events;
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (clients.Delivered < expected && deadline.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(100);
        var resident = ProcessMeter.ResidentBytes(topology.Servers) / 1048576.0;
        log.WriteLine($"    held {subscriptions:N0}: delivered {clients.Delivered:N0} of {expected:N0}, {clients.Failed} failed; servers {resident:F0} MB resident");
        return new HoldResult(subscriptions, expected, clients.Delivered, clients.Failed, clients.FirstFailure, connectSeconds, resident);
    }
}
