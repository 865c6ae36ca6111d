using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ETicket.Tests.Infrastructure;

public static class TestClock
{
    /// <summary>
    /// A server on <paramref name="database"/> whose clock is <paramref name="clock"/>, so a test moves
    /// time. Its background sweep waits 40 days of that clock (moving the clock past an interval would
    /// fire it at a random moment): the test sweeps when it means to, with <c>SweepAsync</c>.
    /// </summary>
    /// <remarks>Access tokens live 15 minutes of that clock: sign in again after moving it further.</remarks>
    public static Task<PlatformServer> StartAsync(ITestDatabase database, FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null) =>
        PlatformServer.StartAsync(
            database.Settings.Concat(settings ?? new Dictionary<string, string?>()).Append(new("ETicket:Marketplace:SweepInterval", "40.00:00:00")).ToDictionary(),
            configureServices: services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                configureServices?.Invoke(services);
            });
}
