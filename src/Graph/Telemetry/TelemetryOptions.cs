namespace ETicket.Graph.Telemetry;

/// <summary>
/// Configuration section <c>ETicket:Telemetry</c>: what the platform exports besides OTLP, which the
/// standard OpenTelemetry variables turn on (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; docs/running.md, "Telemetry").
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "ETicket:Telemetry";

    /// <summary>Serve the metrics at <see cref="TelemetryRegistration.PrometheusPath"/> for Prometheus to scrape.</summary>
    public bool Prometheus { get; set; }

    /// <summary>
    /// How often the outbox and search lag gauges measure anew (each measurement is a database query);
    /// a collection in between reads the last measurement, so scrapes never add load.
    /// </summary>
    public TimeSpan LagRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}
