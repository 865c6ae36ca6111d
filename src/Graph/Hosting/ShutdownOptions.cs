namespace ETicket.Graph.Hosting;

/// <summary>Configuration section <c>ETicket:Shutdown</c>: how a stop (SIGTERM, Ctrl-C) ends.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "ETicket:Shutdown";

    /// <summary>
    /// How long the process waits, once stopping, for requests in flight to finish and for its
    /// background work (the outbox relay handing its lease over) to end, before it exits anyway.
    /// An orchestrator's grace period (compose's stop_grace_period, Kubernetes'
    /// terminationGracePeriodSeconds) should be longer.
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromSeconds(30);
}
