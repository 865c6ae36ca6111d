using System.Diagnostics;

namespace ETicket.LiveBench;

/// <summary>Many <see cref="Subscriber"/>s, connected a batch at a time.</summary>
public sealed class Subscribers : IAsyncDisposable
{
    private const int ConnectConcurrency = 64;

    private readonly List<Subscriber> _all;

    private Subscribers(List<Subscriber> all) => _all = all;

    public long Delivered => _all.Sum(s => (long)s.Received);

    public int Failed => _all.Count(s => s.Failure is not null);

    public string? FirstFailure => _all.Select(s => s.Failure).FirstOrDefault(f => f is not null);

    public string SampleMessage => _all.Count > 0 && _all[0].Kept.Count > 0 ? _all[0].Kept[^1] : "";

    public static async Task<Subscribers> ConnectAsync(Uri graphql, string query, int count, int eventsEach, TextWriter log)
    {
        var all = new Subscriber[count];
        using var gate = new SemaphoreSlim(ConnectConcurrency);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                all[i] = await Subscriber.ConnectAsync(graphql, query, eventsEach, keepMessages: i == 0, CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        }));
        if (count >= 1000)
            log.WriteLine($"    connected {count:N0} subscribers in {watch.Elapsed.TotalSeconds:F1} s");
        return new Subscribers([.. all]);
    }

    /// <summary>Every delivery's latency: the k-th event a subscriber received against when the k-th publish was sent.</summary>
    public List<double> LatenciesMs(long[] sent)
    {
        var latencies = new List<double>(_all.Count * sent.Length);
        foreach (var subscriber in _all)
        {
            for (var k = 0; k < Math.Min(subscriber.Received, sent.Length); k++)
                latencies.Add(Stopwatch.GetElapsedTime(sent[k], subscriber.Arrival(k)).TotalMilliseconds);
        }
        return latencies;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var batch in _all.Chunk(256))
            await Task.WhenAll(batch.Select(s => s.DisposeAsync().AsTask()));
    }
}
