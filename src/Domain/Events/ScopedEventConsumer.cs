using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Domain.Events;

/// <summary>
/// A consumer of one kind of event, handling each in a scope of its own: its own DbContext,
/// whichever thread the bus delivers on.
/// </summary>
public abstract class ScopedEventConsumer<TEvent>(IEventBus bus, IServiceScopeFactory scopes) : EventBusConsumer(bus)
    where TEvent : DomainEvent
{
    protected sealed override async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        // The type name first: most events are of other kinds, and it spares parsing them.
        if (envelope.Type != typeof(TEvent).Name || envelope.Event is not TEvent domainEvent)
            return;
        await using var scope = scopes.CreateAsyncScope();
        await HandleAsync(domainEvent, scope.ServiceProvider, cancellationToken);
    }

    protected abstract Task HandleAsync(TEvent domainEvent, IServiceProvider services, CancellationToken cancellationToken);
}
