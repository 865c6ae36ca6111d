using ETicket.Domain.Events.Broadcast.Redis;
using ETicket.Domain.Persistence;
using ETicket.Graph.Schema;
using ETicket.Search.Indexing;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ETicket.Graph.Health;

/// <summary>Liveness and readiness for load balancers and orchestrators (docs/running.md, "Health").</summary>
public static class HealthRegistration
{
    /// <summary>Liveness: the process answers. No dependency is checked, so a database outage restarts nothing.</summary>
    public const string LivenessPath = "/healthz";

    /// <summary>Readiness: the process can serve its role now.</summary>
    public const string ReadinessPath = "/readyz";

    /// <summary>The older address scripts, benchmarks and tests wait on: it answers as readiness does.</summary>
    public const string LegacyPath = "/health";

    /// <summary>
    /// <see cref="HealthOptions"/>, checked at start, and the readiness checks that apply to
    /// <paramref name="role"/>: the database everywhere, Redis where it is configured, the outbox relay
    /// and search where they run (where tickets are served).
    /// </summary>
    public static IServiceCollection AddHealth(this IServiceCollection services, SchemaRole role, RedisOptions redis)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section)
            .Validate(options => options.MaxOutboxLag > TimeSpan.Zero, $"{HealthOptions.Section}:MaxOutboxLag must be positive.")
            .Validate(options => options.MaxSearchLag > OutboxTail.GapPatience,
                $"{HealthOptions.Section}:MaxSearchLag must be longer than {OutboxTail.GapPatience.TotalSeconds:0} s, the indexer's wait for a slow transaction's outbox row.")
            .Validate(options => options.CheckTimeout > TimeSpan.Zero, $"{HealthOptions.Section}:CheckTimeout must be positive.")
            .ValidateOnStart();

        services.AddSingleton<ReadinessLog>();
        string[] ready = [ReadinessChecks.Tag];
        var checks = services.AddHealthChecks()
            .AddDbContextCheck<ETicketDbContext>(ReadinessChecks.Database, tags: ready)
            .AddDbContextCheck<ETicketDbContext>(ReadinessChecks.Migrations, tags: ready,
                customTestQuery: async (db, cancellationToken) => !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any());
        if (redis.Enabled)
            checks.AddRedis(PlatformConnection, ReadinessChecks.Redis, tags: ready);
        if (role.ServesTickets)
        {
            // Only these processes relay the outbox and keep a search index (PlatformHost.Compose).
            checks.AddCheck<OutboxLagCheck>(ReadinessChecks.OutboxLag, tags: ready)
                .AddCheck<SearchIndexCheck>(ReadinessChecks.Search, tags: ready)
                .AddCheck<SearchLagCheck>(ReadinessChecks.SearchLag, tags: ready);
        }
        // After every registration (AddDbContextCheck takes no timeout, a host may add checks): each gets the limit.
        services.AddOptions<HealthCheckServiceOptions>().PostConfigure<IOptions<HealthOptions>>((options, health) =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Timeout == Timeout.InfiniteTimeSpan))
                registration.Timeout = health.Value.CheckTimeout;
        });
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportJson.WriteAsync });
        var log = endpoints.ServiceProvider.GetRequiredService<ReadinessLog>();
        var readiness = new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessChecks.Tag),
            ResponseWriter = (http, report) =>
            {
                log.Observe(report);
                return HealthReportJson.WriteAsync(http, report);
            },
        };
        endpoints.MapHealthChecks(ReadinessPath, readiness);
        endpoints.MapHealthChecks(LegacyPath, readiness);
        return endpoints;
    }

    /// <summary>The broadcast's own connection, not a second one; before its first connect the check fails.</summary>
    private static IConnectionMultiplexer PlatformConnection(IServiceProvider services) =>
        services.GetRequiredService<RedisEventBroadcast>().Connection
        ?? throw new InvalidOperationException("Not connected to Redis yet.");
}
