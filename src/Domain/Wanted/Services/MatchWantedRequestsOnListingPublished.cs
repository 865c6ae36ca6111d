using ETicket.Domain.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Domain.Wanted.Services;

/// <summary>Matches every listing published on the event bus against the open wanted requests.</summary>
public sealed class MatchWantedRequestsOnListingPublished(IEventBus bus, IServiceScopeFactory scopes) : EventBusConsumer(bus)
{
    protected override async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Type != nameof(ListingPublished) || envelope.Event is not ListingPublished published)
            return;
        // One scope per event: its own DbContext, whichever thread the bus delivers on.
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WantedMatcher>().MatchAsync(published.ListingId, cancellationToken);
    }
}
