using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Transport;

/// <summary>One all-in-one platform shared by a test class whose tests leave no state behind.</summary>
public sealed class PlatformServerFixture : IAsyncLifetime
{
    private PlatformServer? _server;

    public PlatformServer Server => _server ?? throw new InvalidOperationException("The platform has not started.");

    public async ValueTask InitializeAsync() => _server = await PlatformServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
