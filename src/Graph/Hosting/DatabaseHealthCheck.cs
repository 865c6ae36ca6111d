using ETicket.Domain.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ETicket.Graph.Hosting;

/// <summary>Ready when the database answers.</summary>
public sealed class DatabaseHealthCheck(ETicketDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
