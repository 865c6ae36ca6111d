using ETicket.Domain.Events;
using ETicket.Domain.Events.Broadcast;
using ETicket.Domain.Events.Broadcast.Redis;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Listings;
using ETicket.Domain.Listings.Services;
using ETicket.Domain.Marketplace;
using ETicket.Domain.Members;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Members.Sessions;
using ETicket.Domain.Members.WeChat;
using ETicket.Domain.Orders.Disbursements;
using ETicket.Domain.Orders.Payments;
using ETicket.Domain.Orders.Services;
using ETicket.Domain.Persistence.Idempotency;
using ETicket.Domain.Wanted.Services;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ETicket.Domain;

public static class DomainRegistration
{
    /// <summary>The members module's domain services and settings (<c>ETicket:Members</c>, <c>ETicket:Auth</c>, <c>ETicket:WeChat</c>).</summary>
    public static IServiceCollection AddMembersDomain(this IServiceCollection services)
    {
        services.AddOptions<MembersOptions>().BindConfiguration(MembersOptions.Section).ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.TryAddScoped<SessionStarter>();
        services.TryAddScoped<SessionRefresher>();
        services.TryAddScoped<DevelopmentSignIn>();
        services.TryAddScoped<ProfileEditor>();
        services.TryAddScoped<Blacklist>();
        services.AddWeChatSignIn();
        return services;
    }

    /// <summary>
    /// What the tickets modules (listings, orders, wanted requests) share: the marketplace's numbers
    /// (<c>ETicket:Marketplace</c>), idempotency keys, and the sweeper that keeps their deadlines.
    /// Each of those modules calls it; it registers once.
    /// </summary>
    public static IServiceCollection AddMarketplaceDomain(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(MarketplaceSweeper)))
            return services;
        services.AddOptions<MarketplaceOptions>().BindConfiguration(MarketplaceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MarketplaceOptions>, MarketplaceOptionsValidation>();
        services.TryAddSingleton(sp => new IdempotencyKeyLifetime(sp.GetRequiredService<IOptions<MarketplaceOptions>>().Value.IdempotencyKeyLifetime));
        services.TryAddScoped<Idempotency>();

        // Deadlines the marketplace keeps by itself, one sweep after another in this order.
        services.TryAddSingleton<MarketplaceSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<MarketplaceSweeper>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMarketplaceSweep, PurgeExpiredIdempotencyKeys>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMarketplaceSweep, ExpireListings>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMarketplaceSweep, OrderDeadlineSweep>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMarketplaceSweep, PaymentDeadlineSweep>());
        // Last: carries out the payouts the sweeps before it decided, in the same pass.
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMarketplaceSweep, DisbursementSweep>());
        return services;
    }

    /// <summary>The listings module's domain services; <paramref name="ticketSecretKey"/> protects ticket codes.</summary>
    public static IServiceCollection AddListingsDomain(this IServiceCollection services, byte[] ticketSecretKey)
    {
        services.AddMarketplaceDomain();
        services.TryAddSingleton(new TicketCodeVault(ticketSecretKey));
        services.TryAddScoped<ListingPublisher>();
        services.TryAddScoped<ListingReader>();
        services.TryAddScoped<ListingEditor>();
        services.TryAddScoped<TicketCodeGuard>();
        services.TryAddScoped<SellerProfiles>();
        services.AddHostedService<CopySellerProfileChanges>();
        return services;
    }

    /// <summary>The orders module's domain services: purchase, payment, settlement.</summary>
    public static IServiceCollection AddOrdersDomain(this IServiceCollection services)
    {
        services.AddMarketplaceDomain();
        services.TryAddScoped<Settlement>();
        services.TryAddScoped<OrderDeadlines>();
        services.TryAddScoped<Purchasing>();
        services.TryAddScoped<OrderDesk>();
        services.TryAddScoped<PaymentConfirmations>();
        services.TryAddScoped<DisbursementRunner>();
        services.TryAddScoped<DisbursementDesk>();
        services.TryAddScoped<OrderReader>();
        // Orders know who owns a sold code and who may see it; listings ask through ITicketCodeOwners.
        services.TryAddScoped<ITicketCodeOwners, TicketCodeOwners>();
        services.TryAddScoped<TicketCodeAccess>();
        services.AddPayments();
        return services;
    }

    /// <summary>Wanted requests (求购), matched against every listing published on the event bus.</summary>
    public static IServiceCollection AddWantedDomain(this IServiceCollection services)
    {
        services.AddMarketplaceDomain();
        services.TryAddScoped<WantedRequests>();
        services.TryAddScoped<WantedMatcher>();
        services.AddHostedService<MatchWantedRequestsOnListingPublished>();
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
        services.TryAddScoped<MemberReputation>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMemberBlacklistedHandler, WithdrawListingsOfBlacklistedSeller>());
        return services;
    }

    /// <summary>The outbox relay and the in-process event bus (the embedded default).</summary>
    /// <param name="relayOutbox">
    /// Whether this process relays the outbox. With an in-process bus an event reaches only the
    /// consumers of the process that relays it, so only a process that hosts the consumers (the
    /// tickets module: matching, later search and subscriptions) may relay; a members subgraph
    /// sharing the database must leave its rows to the tickets process.
    /// </param>
    public static IServiceCollection AddInProcessEvents(this IServiceCollection services, bool relayOutbox)
    {
        services.TryAddSingleton<IEventBus, InProcessEventBus>();
        if (relayOutbox)
        {
            services.TryAddSingleton<OutboxRelay>();
            services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
            // Wakes the relay when this process commits outbox rows (it polls for other processes' rows).
            services.TryAddSingleton<OutboxSignal>();
            services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<OutboxSignal>());
            services.AddSingleton<IInterceptor, OutboxCommitWatch>();
        }
        return services;
    }

    /// <summary>
    /// How relayed events reach the live subscribers of every process: through Redis when
    /// <paramref name="redis"/> has a configuration (several processes), else within this process.
    /// </summary>
    /// <param name="broadcastRelayedEvents">Whether this process relays the outbox, and so broadcasts what it relays.</param>
    public static IServiceCollection AddEventBroadcast(this IServiceCollection services, RedisOptions redis, bool broadcastRelayedEvents)
    {
        if (redis.Enabled)
        {
            services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateOnStart();
            services.TryAddSingleton<RedisEventBroadcast>();
            services.TryAddSingleton<IEventBroadcast>(sp => sp.GetRequiredService<RedisEventBroadcast>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisEventBroadcast>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxRelayCondition, RelayWhileRedisIsReachable>());
        }
        else
        {
            services.TryAddSingleton<IEventBroadcast, InProcessEventBroadcast>();
        }
        if (broadcastRelayedEvents)
            services.AddHostedService<BroadcastCommittedEvents>();
        return services;
    }
}
