using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

public static class WeChatPayRegistration
{
    /// <summary>
    /// WeChat Pay's wire layer, configured from <see cref="WeChatPayOptions.Section"/>: <see cref="WeChatPayClient"/>,
    /// <see cref="RequestPaymentSigner"/> and <see cref="WeChatPayNotifications"/>. Register it only where WeChat Pay is the
    /// provider: the settings are then required, and checked when the host starts.
    /// </summary>
    public static IServiceCollection AddWeChatPayClient(this IServiceCollection services)
    {
        services.AddOptions<WeChatPayOptions>()
            .BindConfiguration(WeChatPayOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatPayOptions>, WeChatPayOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => WeChatPayKeys.Load(provider.GetRequiredService<IOptions<WeChatPayOptions>>().Value));
        services.TryAddSingleton<RequestPaymentSigner>();
        services.TryAddSingleton<WeChatPayNotifications>();
        services.TryAddTransient<WeChatPayAuthorizationHandler>();
        var client = services.AddHttpClient<WeChatPayClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<WeChatPayOptions>>().Value;
                // A base with a path keeps it only with a trailing slash.
                http.BaseAddress = new Uri(options.BaseUrl.AbsoluteUri.TrimEnd('/') + "/");
                http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                // WeChat Pay refuses requests without a User-Agent.
                http.DefaultRequestHeaders.UserAgent.ParseAdd($"ETicket/{typeof(WeChatPayClient).Assembly.GetName().Version?.ToString(3) ?? "1.0"} (.NET)");
            })
            // The factory's logging would write each request's URL; bodies carry openids and payee names.
            .RemoveAllLoggers();
        client.AddResilienceHandler("wechatpay", WeChatPayResilience.Configure);
        // Added after the resilience handler, so it runs inside the retry: each attempt is signed afresh.
        client.AddHttpMessageHandler<WeChatPayAuthorizationHandler>();
        return services;
    }
}
