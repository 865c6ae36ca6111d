using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Transport;

/// <summary>
/// A platform for tests of client mistakes, its logs captured (<see cref="ServerLogs"/>).
/// </summary>
public sealed class ClientMistakesFixture : IAsyncLifetime
{
    private PlatformServer? _server;

    public PlatformServer Server => _server ?? throw new InvalidOperationException("The platform has not started.");

    public async ValueTask InitializeAsync()
    {
        _server = await PlatformServer.StartAsync(configureServices: ServerLogs.Capture);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
