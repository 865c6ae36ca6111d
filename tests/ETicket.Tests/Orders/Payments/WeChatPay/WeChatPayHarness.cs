using ETicket.Domain.Orders.Payments.WeChatPay;
using ETicket.Tests.Infrastructure.FakeWeChatPay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ETicket.Tests.Orders.Payments.WeChatPay;

/// <summary>
/// The wire layer as the platform will register it (<see cref="WeChatPayRegistration.AddWeChatPayClient"/>), configured
/// with the fake's settings, and the fake it talks to. Logs are collected, to look for secrets in them.
/// </summary>
public sealed class WeChatPayHarness : IAsyncDisposable
{
    private WeChatPayHarness(FakeWeChatPayServer weChatPay, ServiceProvider services)
    {
        WeChatPay = weChatPay;
        Services = services;
    }

    public FakeWeChatPayServer WeChatPay { get; }

    public ServiceProvider Services { get; }

    public WeChatPayClient Client => Services.GetRequiredService<WeChatPayClient>();

    public WeChatPayNotifications Notifications => Services.GetRequiredService<WeChatPayNotifications>();

    public RequestPaymentSigner Signer => Services.GetRequiredService<RequestPaymentSigner>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <param name="settings">Changes to the fake's settings (a value of null removes the setting).</param>
    /// <param name="clock">The clock of both the platform and the fake.</param>
    public static async Task<WeChatPayHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var weChatPay = await FakeWeChatPayServer.StartAsync(clock);
        return new WeChatPayHarness(weChatPay, Build(Merge(weChatPay.Settings, settings), clock));
    }

    /// <summary>The layer alone, on these settings, for a fake that is not running (or another clock than the fake's).</summary>
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        if (clock is not null)
            services.AddSingleton(clock);
        services.AddWeChatPayClient();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static Dictionary<string, string?> Merge(IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string?>? changes)
    {
        var merged = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            if (value is null)
                merged.Remove(key);
            else
                merged[key] = value;
        }
        return merged;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await WeChatPay.DisposeAsync();
    }
}
