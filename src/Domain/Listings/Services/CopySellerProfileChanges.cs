using ETicket.Domain.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Domain.Listings.Services;

/// <summary>Keeps the sellers' profile copies current: each <see cref="MemberProfileChanged"/>, in commit order.</summary>
public sealed class CopySellerProfileChanges(IEventBus bus, IServiceScopeFactory scopes) : EventBusConsumer(bus)
{
    protected override async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Type != nameof(MemberProfileChanged) || envelope.Event is not MemberProfileChanged change)
            return;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SellerProfiles>().ApplyAsync(change, cancellationToken);
    }
}
