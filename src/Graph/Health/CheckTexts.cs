using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ETicket.Graph.Health;

/// <summary>
/// What the health JSON says of one check, in fixed words. A check's own description may quote an
/// exception, and with it a host or a connection string, so it is never written.
/// </summary>
/// <param name="Failed">When the check threw (it could not tell); <paramref name="Unhealthy"/> if null.</param>
/// <param name="Degraded">Ready, with a caveat; <paramref name="Healthy"/> if null.</param>
public sealed record CheckTexts(string Healthy, string Unhealthy, string? Failed = null, string? Degraded = null)
{
    public const string TimedOut = "The check took longer than ETicket:Health:CheckTimeout allows.";

    /// <summary>For a check the platform does not know (one a host added).</summary>
    public static readonly CheckTexts Unknown = new("Healthy.", "Unhealthy.");

    public string For(HealthReportEntry entry) => entry.Status switch
    {
        HealthStatus.Healthy => Healthy,
        HealthStatus.Degraded => Degraded ?? Healthy,
        _ when entry.Exception is OperationCanceledException => TimedOut,
        _ when entry.Exception is not null => Failed ?? Unhealthy,
        _ => Unhealthy,
    };
}
