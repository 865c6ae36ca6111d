using ETicket.Domain.Orders.Payments.WeChatPay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ETicket.Domain.Orders.Payments;

public static class PaymentRegistration
{
    /// <summary>
    /// The provider <paramref name="options"/> selects. Outside Development it must be named: a
    /// production platform that fell back to the sandbox would hand tickets out for nothing.
    /// </summary>
    public static IServiceCollection AddPaymentProvider(this IServiceCollection services, PaymentOptions options, bool isDevelopment)
    {
        var provider = options.Provider
            ?? (isDevelopment ? PaymentProviderKind.Sandbox : throw new InvalidOperationException(
                $"{PaymentOptions.Section}:{nameof(PaymentOptions.Provider)} (environment variable ETicket__Payments__Provider) must be set outside " +
                $"Development: {PaymentProviderKind.WeChatPay} to take real money, or {PaymentProviderKind.Sandbox} where no real money may move (docs/payments.md)."));
        if (provider == PaymentProviderKind.WeChatPay)
        {
            services.AddWeChatPayClient();
            // Scoped: it holds a typed HttpClient, which the client factory rotates.
            services.TryAddScoped<IPaymentProvider, WeChatPayProvider>();
            services.TryAddScoped<WeChatPayNotificationDesk>();
        }
        else
        {
            services.TryAddSingleton<IPaymentProvider, SandboxPaymentProvider>();
        }
        return services;
    }

    /// <summary>The settings the order services read; the sandbox where no host chose a provider (tests of the domain alone).</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section)
            .Validate(o => o.QueryBeforeDeadline > TimeSpan.Zero, $"{PaymentOptions.Section}:{nameof(PaymentOptions.QueryBeforeDeadline)} must be positive.")
            .Validate(o => o.CheckInterval > TimeSpan.Zero, $"{PaymentOptions.Section}:{nameof(PaymentOptions.CheckInterval)} must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IPaymentProvider, SandboxPaymentProvider>();
        return services;
    }
}
