using System.Diagnostics;
using ETicket.Domain.Events.Broadcast.Redis;
using ETicket.Graph.Health;
using OpenTelemetry.Trace;

namespace ETicket.Graph.Telemetry;

/// <summary>
/// What the platform traces: incoming HTTP requests, outgoing HttpClient calls (WeChat,
/// Elasticsearch), EF Core commands, Redis commands and GraphQL operations (<see cref="GraphQLSpans"/>).
/// </summary>
internal static class PlatformTracing
{
    public static TracerProviderBuilder AddPlatformSources(this TracerProviderBuilder tracing, RedisOptions redis)
    {
        tracing.AddSource(TelemetryNames.Graph)
            .AddAspNetCoreInstrumentation(options =>
            {
                // Probes and scrapes every few seconds are noise; the query string is redacted by default
                // (a GET carries the document and variables there).
                options.Filter = http => !IsHousekeeping(http.Request.Path);
            })
            .AddHttpClientInstrumentation()
            // SQL text only, with literals sanitized and no parameter values (the instrumentation's defaults).
            .AddEntityFrameworkCoreInstrumentation(options => options.Filter = (_, _) => IsInTrace(Activity.Current));
        if (redis.Enabled)
        {
            // The platform's one connection is made by the event broadcast after the host starts.
            tracing.AddRedisInstrumentation().ConfigureRedisInstrumentation((services, instrumentation) =>
                services.GetRequiredService<RedisEventBroadcast>().Connected.ContinueWith(
                    connected => instrumentation.AddConnection(connected.Result), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
        }
        return tracing;
    }

    /// <summary>
    /// Whether a database command belongs to a trace: it runs for a request (its span, current when the
    /// filter runs, has a parent). The background loops (the outbox relay, the search indexer, the
    /// sweep) poll the database several times a second; as traces of their own they would bury the requests'.
    /// </summary>
    private static bool IsInTrace(Activity? command) => command is { ParentSpanId: var parent } && parent != default;

    private static bool IsHousekeeping(PathString path) =>
        path.StartsWithSegments(TelemetryRegistration.PrometheusPath) || path.StartsWithSegments(HealthRegistration.LivenessPath)
        || path.StartsWithSegments(HealthRegistration.ReadinessPath) || path.StartsWithSegments(HealthRegistration.LegacyPath);
}
