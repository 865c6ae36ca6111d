using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ETicket.Graph.Telemetry;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Telemetry;

/// <summary>One measurement of an instrument, with its tags.</summary>
public sealed record Recorded(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>
/// Every measurement one platform's ETicket meters take, seen through a MeterListener. Meters are
/// process-wide, so it listens only to the meters that server's IMeterFactory created: other tests'
/// servers, running alongside, do not count.
/// </summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Recorded> _recorded = new();
    private readonly ConcurrentDictionary<string, bool> _published = new();

    public RecordedMeasurements(PlatformServer server)
    {
        var factory = server.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope != factory || !instrument.Meter.Name.StartsWith("ETicket.", StringComparison.Ordinal))
                return;
            _published[instrument.Name] = true;
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The names of the server's ETicket instruments.</summary>
    public IReadOnlyCollection<string> Published => [.. _published.Keys];

    public IReadOnlyList<Recorded> Of(string instrument) => [.. _recorded.Where(r => r.Instrument == instrument)];

    /// <summary>The sum of an instrument's measurements whose tags include every one of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, object? Value)[] tags) =>
        Of(instrument).Where(r => tags.All(tag => r.Tags.TryGetValue(tag.Key, out var value) && Equals(value, tag.Value))).Sum(r => r.Value);

    /// <summary>Asks the observable instruments (the gauges) for their values now.</summary>
    public void Collect() => _listener.RecordObservableInstruments();

    /// <summary>Collects until <paramref name="instrument"/> reports a value (the lag gauges measure in the background); fails after 10 s.</summary>
    public async Task<Recorded> GaugeValueAsync(string instrument)
    {
        for (var i = 0; i < 100; i++)
        {
            Collect();
            if (Of(instrument).LastOrDefault() is { } reading)
                return reading;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new Xunit.Sdk.XunitException($"{instrument} reported no value within 10 s.");
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
            copy[tag.Key] = tag.Value;
        _recorded.Enqueue(new Recorded(instrument.Name, value, copy));
    }
}

/// <summary>The tag names tests filter by.</summary>
public static class Tags
{
    public const string Transport = GraphQLTelemetry.TransportTag;
    public const string ErrorCode = GraphQLTelemetry.ErrorCodeTag;
    public const string OperationType = GraphQLSpans.OperationType;
}
