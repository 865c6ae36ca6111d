using ETicket.Domain.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ETicket.Domain.Wanted;

/// <summary>Matches every listing published on the event bus against the open wanted requests.</summary>
public sealed class MatchWantedRequestsOnListingPublished(IEventBus bus, IServiceScopeFactory scopes) : IHostedLifecycleService
{
    private IDisposable? _subscription;

    // Subscribes before any hosted service starts, the outbox relay included, so that events left
    // pending by a previous run are matched too.
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(OnEventAsync);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task OnEventAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Type != nameof(ListingPublished) || envelope.Event is not ListingPublished published)
            return;
        // One scope per event: its own DbContext, whichever thread the bus delivers on.
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WantedMatcher>().MatchAsync(published.ListingId, cancellationToken);
    }
}
