using System.Diagnostics.Metrics;
using ETicket.Graph.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ETicket.Tests.Telemetry;

/// <summary>
/// A lag gauge's reading: never waits for its query, and queries at most once per interval however
/// often it is collected.
/// </summary>
public sealed class LagMeasurementTelemetryTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new();
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly CancellationTokenSource _stopping = new();
    private int _queries;
    private TaskCompletionSource<TimeSpan> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Collections_read_the_last_measurement_and_start_at_most_one_query_per_interval()
    {
        var lag = NewMeasurement();

        // The first collection starts the query and reports nothing yet; more collections meanwhile start no other.
        Assert.Empty(lag.Read());
        Assert.Empty(lag.Read());
        await QueriesStartedAsync(1);
        _answer.SetResult(TimeSpan.FromSeconds(3));
        await lag.StoppedAsync();
        for (var i = 0; i < 20; i++)
            Assert.Equal(3, Value(lag));
        _clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, Value(lag));
        Assert.Equal(1, _queries);

        // Once the interval has passed, a collection starts the next query and reads the last value meanwhile.
        _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, Value(lag));
        Assert.Equal(3, Value(lag));
        await QueriesStartedAsync(2);
        _answer.SetResult(TimeSpan.FromSeconds(7));
        await lag.StoppedAsync();
        Assert.Equal(7, Value(lag));
    }

    [Fact]
    public async Task A_failed_measurement_reports_nothing_rather_than_a_stale_value()
    {
        var lag = NewMeasurement();
        lag.Read();
        _answer.SetResult(TimeSpan.FromSeconds(3));
        await lag.StoppedAsync();

        _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _clock.Advance(Interval);
        lag.Read();
        _answer.SetException(new TimeoutException("The database did not answer."));
        await lag.StoppedAsync();

        Assert.Empty(lag.Read());
    }

    [Fact]
    public async Task After_the_host_stops_no_query_starts()
    {
        var lag = NewMeasurement();
        await _stopping.CancelAsync();

        Assert.Empty(lag.Read());
        Assert.Equal(0, _queries);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _services.Dispose();
    }

    private LastMeasurement NewMeasurement() => new((_, _) =>
    {
        Interlocked.Increment(ref _queries);
        return _answer.Task;
    }, _services.GetRequiredService<IServiceScopeFactory>(), _clock, Interval, NullLogger.Instance, _stopping.Token);

    /// <summary>The query runs in the background: waits (a bounded while) until <paramref name="count"/> have started, and no more.</summary>
    private async Task QueriesStartedAsync(int count)
    {
        for (var i = 0; i < 100 && Volatile.Read(ref _queries) < count; i++)
            await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.Equal(count, Volatile.Read(ref _queries));
    }

    private static double Value(LastMeasurement lag) => Assert.Single<Measurement<double>>(lag.Read()).Value;
}
