using OpenTelemetry.Metrics;

namespace ETicket.Graph.Telemetry;

/// <summary>
/// What the platform measures: its own meters (<see cref="TelemetryNames"/>), ASP.NET Core's and
/// Kestrel's (requests, connections), HttpClient's, the .NET runtime's, and the connection pools
/// and commands of the clients that publish meters (MySqlConnector, StackExchange.Redis).
/// </summary>
internal static class PlatformMetrics
{
    /// <summary>MySqlConnector's pool: connections in use and idle, waits for one (SQLite has no pool to report).</summary>
    private const string MySqlConnector = "MySqlConnector";

    private const string StackExchangeRedis = "StackExchange.Redis";

    private const string Runtime = "System.Runtime";

    public static MeterProviderBuilder AddPlatformMeters(this MeterProviderBuilder metrics) => metrics
        .AddMeter(TelemetryNames.AllMeters, MySqlConnector, StackExchangeRedis, Runtime)
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation();
}
