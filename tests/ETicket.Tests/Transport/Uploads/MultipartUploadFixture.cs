using ETicket.Graph.Schema;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Transport.Uploads;

/// <summary>
/// An all-in-one platform with test-only fields that take files (<see cref="UploadEchoFields"/>),
/// small upload limits so the refusals are cheap to reach, and its logs captured.
/// </summary>
public sealed class MultipartUploadFixture : IAsyncLifetime
{
    public const int MaxUploadFiles = 3;
    public const int MaxUploadFileBytes = 4096;

    private PlatformServer? _server;

    public PlatformServer Server => _server ?? throw new InvalidOperationException("The platform has not started.");

    public async ValueTask InitializeAsync()
    {
        _server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Transport:MaxUploadFiles"] = MaxUploadFiles.ToString(),
            ["ETicket:Transport:MaxUploadFileBytes"] = MaxUploadFileBytes.ToString(),
        }, configureServices: services =>
        {
            ServerLogs.Capture(services);
            services.AddSingleton<UploadEchoFields>();
            services.AddSingleton<IFieldContributor<QueryType>>(sp => sp.GetRequiredService<UploadEchoFields>());
            services.AddSingleton<IFieldContributor<MutationType>>(sp => sp.GetRequiredService<UploadEchoFields>());
            services.AddTransient<EchoUploadInputType>();
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
