using System.Collections;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace ETicket.Tests.Telemetry;

/// <summary>
/// The spans a platform's tracer provider exports, kept in memory: pass <see cref="Capture"/> as
/// PlatformServer's configureServices. ActivitySource listeners are process-wide, so spans of other
/// tests' servers arrive too (safely: this collection locks); a test picks its own by trace id.
/// </summary>
public sealed class ExportedSpans : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    /// <summary>Creates the tracer provider the platform configures (its sources and instrumentation), exporting here.</summary>
    public void Capture(IServiceCollection services) =>
        services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(this));

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_spans)
            return [.. _spans];
    }

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. Snapshot().Where(span => span.TraceId == traceId)];

    /// <summary>Waits (a bounded while) until a span matching <paramref name="predicate"/> was exported; spans end after their response is sent.</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> predicate, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Snapshot().FirstOrDefault(predicate) is { } span)
                return span;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"No span {what} was exported within {timeout ?? TimeSpan.FromSeconds(10)}.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public void Add(Activity item)
    {
        lock (_spans)
            _spans.Add(item);
    }

    public int Count
    {
        get
        {
            lock (_spans)
                return _spans.Count;
        }
    }

    public bool IsReadOnly => false;

    public void Clear()
    {
        lock (_spans)
            _spans.Clear();
    }

    public bool Contains(Activity item)
    {
        lock (_spans)
            return _spans.Contains(item);
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_spans)
            _spans.CopyTo(array, arrayIndex);
    }

    public bool Remove(Activity item)
    {
        lock (_spans)
            return _spans.Remove(item);
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
