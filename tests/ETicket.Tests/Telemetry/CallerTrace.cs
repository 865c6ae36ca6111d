using System.Diagnostics;
using OpenTelemetry;

namespace ETicket.Tests.Telemetry;

/// <summary>
/// A caller's span, as a gateway's would be, sent as the <c>traceparent</c> header exactly as given.
/// A plain HttpClient in this process would not: the tracer providers of other tests' servers
/// instrument HttpClient, and their instrumentation writes its own span's context over the header.
/// </summary>
public sealed record CallerTrace(ActivityTraceId TraceId, ActivitySpanId SpanId)
{
    public static CallerTrace New() => new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom());

    public string TraceParent => $"00-{TraceId}-{SpanId}-01";

    /// <summary>Sends <paramref name="request"/> with this trace's header and no other.</summary>
    public async Task<HttpResponseMessage> SendAsync(Uri baseAddress, HttpRequestMessage request)
    {
        // Neither the handler's own propagation nor OpenTelemetry's instrumentation touches the header.
        using var http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator() })
        {
            BaseAddress = baseAddress,
        };
        request.Headers.Add("traceparent", TraceParent);
        using var untraced = SuppressInstrumentationScope.Begin();
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
