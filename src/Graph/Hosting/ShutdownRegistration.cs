using Microsoft.Extensions.Options;

namespace ETicket.Graph.Hosting;

/// <summary>
/// The grace period of a stop. On SIGTERM the host stops Kestrel's listeners (no new connection),
/// signals ApplicationStopping (WebSockets close with 1001, Server-Sent Events streams end), waits
/// for requests in flight, then stops the background services (the outbox relay releases its
/// lease, so a standby relays at once): all within <see cref="ShutdownOptions.GracePeriod"/>.
/// </summary>
public static class ShutdownRegistration
{
    public static void AddGracefulShutdown(this IServiceCollection services)
    {
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section)
            .Validate(o => o.GracePeriod > TimeSpan.Zero && o.GracePeriod <= TimeSpan.FromMinutes(10),
                $"{ShutdownOptions.Section}:{nameof(ShutdownOptions.GracePeriod)} must be over zero and at most 10 minutes.")
            .ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.GracePeriod);
    }
}
