using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Transport;

/// <summary>
/// A platform for tests of client mistakes: its logs captured (<see cref="ServerLogs"/>), a short
/// request body timeout (set through configuration, as an operator would), and a way to hold a
/// request's query until its client has left.
/// </summary>
public sealed class ClientMistakesFixture : IAsyncLifetime
{
    private PlatformServer? _server;

    public PlatformServer Server => _server ?? throw new InvalidOperationException("The platform has not started.");

    public HoldNextRequestQuery HeldQuery { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Transport:RequestBodyGracePeriod"] = "00:00:01.500",
        }, configureServices: services =>
        {
            ServerLogs.Capture(services);
            services.AddSingleton<IInterceptor>(HeldQuery);
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
