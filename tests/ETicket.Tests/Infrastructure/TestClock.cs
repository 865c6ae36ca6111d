using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ETicket.Tests.Infrastructure;

public static class TestClock
{
    /// <summary>
    /// A server on <paramref name="database"/> whose clock is <paramref name="clock"/>, so a test moves
    /// time. It has no background sweep: its first pass may start after the test has moved the clock,
    /// and a timer would fire at a random moment. The test sweeps when it means to, with <c>SweepAsync</c>.
    /// </summary>
    /// <remarks>Access tokens live 15 minutes of that clock: sign in again after moving it further.</remarks>
    public static Task<PlatformServer> StartAsync(ITestDatabase database, FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null) =>
        PlatformServer.StartAsync(
            database.Settings.Concat(settings ?? new Dictionary<string, string?>()).Append(new("ETicket:Marketplace:SweepInBackground", "false")).ToDictionary(),
            configureServices: services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                configureServices?.Invoke(services);
            });
}
