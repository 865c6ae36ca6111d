using ETicket.Domain.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Domain.Wanted.Services;

/// <summary>Matches every listing published on the event bus against the open wanted requests.</summary>
public sealed class MatchWantedRequestsOnListingPublished(IEventBus bus, IServiceScopeFactory scopes) : ScopedEventConsumer<ListingPublished>(bus, scopes)
{
    protected override Task HandleAsync(ListingPublished published, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<WantedMatcher>().MatchAsync(published.ListingId, cancellationToken);
}
