using ETicket.Domain.Common;
using ETicket.Domain.Events;
using ETicket.Domain.Listings;
using ETicket.Domain.Members;
using ETicket.Domain.Members.Sessions;
using ETicket.Domain.Orders;
using ETicket.Domain.Members.WeChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ETicket.Domain;

public static class DomainRegistration
{
    /// <summary>The members module's domain services.</summary>
    public static IServiceCollection AddMembersDomain(this IServiceCollection services)
    {
        services.TryAddScoped<SessionStarter>();
        services.TryAddScoped<SessionRefresher>();
        services.TryAddScoped<DevelopmentSignIn>();
        services.TryAddScoped<ProfileEditor>();
        services.TryAddScoped<Blacklist>();
        services.AddWeChatSignIn();
        return services;
    }

    /// <summary>The tickets module's domain services; <paramref name="ticketSecretKey"/> protects ticket codes.</summary>
    public static IServiceCollection AddTicketsDomain(this IServiceCollection services, byte[] ticketSecretKey)
    {
        services.TryAddSingleton(new TicketCodeVault(ticketSecretKey));
        services.TryAddScoped<Idempotency>();
        services.TryAddScoped<ListingPublisher>();
        services.TryAddScoped<ListingReader>();

        // Deadlines the marketplace keeps by itself.
        services.TryAddSingleton<MarketplaceSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<MarketplaceSweeper>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMarketplaceSweep, PurgeExpiredIdempotencyKeys>());
        return services;
    }

    /// <summary>
    /// Rules that keep the modules' data consistent in one transaction, whichever module's process
    /// runs the step (the database is shared): a blacklisted member's listings are withdrawn with the
    /// blacklisting, and only members in good standing trade.
    /// </summary>
    public static IServiceCollection AddModuleIntegration(this IServiceCollection services)
    {
        services.TryAddScoped<MemberStanding>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMemberBlacklistedHandler, WithdrawListingsOfBlacklistedSeller>());
        return services;
    }

    /// <summary>The outbox relay and the in-process event bus (the embedded default).</summary>
    public static IServiceCollection AddInProcessEvents(this IServiceCollection services)
    {
        services.TryAddSingleton<IEventBus, InProcessEventBus>();
        services.TryAddSingleton<OutboxRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        return services;
    }
}
