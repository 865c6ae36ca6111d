using ETicket.Domain.Events.Broadcast.Redis;
using ETicket.Graph.Schema;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ETicket.Graph.Telemetry;

/// <summary>
/// Traces, metrics and logs (docs/running.md, "Telemetry"). The platform's spans and instruments
/// always exist; an OpenTelemetry SDK that collects and exports them exists only when something is
/// configured to receive them: OTLP (the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) and the
/// Prometheus endpoint (<see cref="TelemetryOptions.Prometheus"/>). With neither, nothing listens, so a
/// span or a measurement costs a check.
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>Where Prometheus scrapes, when <see cref="TelemetryOptions.Prometheus"/> is on.</summary>
    public const string PrometheusPath = "/metrics";

    /// <summary>OpenTelemetry's standard variable: set, every signal is exported there by OTLP.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>OpenTelemetry's standard variable for the service name; without it, <c>eticket-</c> and the role.</summary>
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration, SchemaRole role, RedisOptions redis,
        bool isDevelopment)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(options => options.LagRefreshInterval >= TimeSpan.FromSeconds(1), $"{TelemetryOptions.Section}:LagRefreshInterval must be at least one second.")
            .ValidateOnStart();
        services.AddConsoleLogFormat(isDevelopment);
        services.AddHostedService<RequestTraceContext>();
        services.AddMetrics();
        services.AddSingleton<GraphQLTelemetry>();
        // Only these processes relay the outbox and keep a search index (PlatformHost.Compose).
        if (role.ServesTickets)
            services.AddHostedService<LagGauges>();

        // What is traced and measured, for whichever provider is created: one below, or a test's.
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddPlatformSources(redis));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddPlatformMeters());

        var prometheus = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Prometheus == true;
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        if (!otlp && !prometheus)
            return services;
        var telemetry = services.AddOpenTelemetry();
        if (string.IsNullOrWhiteSpace(configuration[ServiceNameVariable]))
            telemetry.ConfigureResource(resource => resource.AddService($"eticket-{role.Role.ToString().ToLowerInvariant()}"));
        // Traces, metrics and logs, to the endpoint and with the protocol, headers and timeouts of the standard variables.
        if (otlp)
            telemetry.UseOtlpExporter();
        if (prometheus)
            telemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
        return services;
    }

    /// <summary>The Prometheus scrape endpoint, when it is on; otherwise <see cref="PrometheusPath"/> is not served (404).</summary>
    public static IEndpointRouteBuilder MapTelemetry(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus)
            endpoints.MapPrometheusScrapingEndpoint(PrometheusPath);
        return endpoints;
    }
}
