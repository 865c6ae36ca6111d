using System.Diagnostics;

namespace ETicket.Graph.Telemetry;

/// <summary>
/// Gives every HTTP request a trace context even when nothing exports traces, so each log entry
/// carries the request's trace and span ids (the logger's ActivityTrackingOptions) and an incoming
/// W3C <c>traceparent</c> (the gateway's) is continued: log lines of one request in every process
/// share its trace id. ASP.NET Core starts its request activity only when something listens, and the
/// platform turns its request logging off (<c>Microsoft.AspNetCore.Hosting.Diagnostics</c>: None),
/// which would otherwise be that listener. The activity is propagated, never recorded: one small
/// object per request.
/// </summary>
internal sealed class RequestTraceContext : IHostedService, IDisposable
{
    /// <summary>ASP.NET Core's ActivitySource for incoming requests.</summary>
    private const string AspNetCoreSource = "Microsoft.AspNetCore";

    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == AspNetCoreSource,
        Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
    };

    // Registered at construction, not at start: the host builds it before the server takes requests.
    public RequestTraceContext() => ActivitySource.AddActivityListener(_listener);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Listeners are process-wide: a host that ends (a test's) takes its own away.
    public void Dispose() => _listener.Dispose();
}
