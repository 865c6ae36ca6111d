namespace ETicket.Graph.Telemetry;

/// <summary>The names the platform's own spans and metrics are published under.</summary>
public static class TelemetryNames
{
    /// <summary>The ActivitySource of GraphQL operations, and the Meter of GraphQL requests and subscriptions.</summary>
    public const string Graph = "ETicket.Graph";

    /// <summary>The Meter of the outbox relay's lag.</summary>
    public const string Outbox = "ETicket.Outbox";

    /// <summary>The Meter of the search index's lag.</summary>
    public const string Search = "ETicket.Search";

    /// <summary>Every Meter above: what a MeterProvider listens to.</summary>
    public const string AllMeters = "ETicket.*";
}
