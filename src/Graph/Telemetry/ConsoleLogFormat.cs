using Microsoft.Extensions.Logging.Console;

namespace ETicket.Graph.Telemetry;

/// <summary>
/// The console log's format: one JSON object per entry outside Development, for a log collector to
/// parse, with the scopes (the request's trace and span ids among them); Development keeps the
/// simple format people read. <c>Logging:Console:FormatterName</c> (<c>json</c>, <c>simple</c>,
/// <c>systemd</c>) chooses another in any environment.
/// </summary>
internal static class ConsoleLogFormat
{
    public static IServiceCollection AddConsoleLogFormat(this IServiceCollection services, bool isDevelopment)
    {
        // After the configuration is bound: a configured formatter wins, only the default depends on the environment.
        services.PostConfigure<ConsoleLoggerOptions>(options =>
            options.FormatterName ??= isDevelopment ? ConsoleFormatterNames.Simple : ConsoleFormatterNames.Json);
        services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        // The trace context of the activity current when an entry is written, as a scope of every entry
        // (the host's default, made explicit: the JSON entries promise it).
        services.Configure<LoggerFactoryOptions>(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        return services;
    }
}
