using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Transport;

/// <summary>
/// A platform for tests of client mistakes: its logs captured (<see cref="ServerLogs"/>), and a short
/// request body timeout, set through configuration as an operator would.
/// </summary>
public sealed class ClientMistakesFixture : IAsyncLifetime
{
    private PlatformServer? _server;

    public PlatformServer Server => _server ?? throw new InvalidOperationException("The platform has not started.");

    public async ValueTask InitializeAsync()
    {
        _server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Transport:RequestBodyGracePeriod"] = "00:00:01.500",
        }, configureServices: ServerLogs.Capture);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
