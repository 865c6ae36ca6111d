using ETicket.Domain.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Domain.Listings.Services;

/// <summary>Keeps the sellers' profile copies current: each <see cref="MemberProfileChanged"/>, in commit order.</summary>
public sealed class CopySellerProfileChanges(IEventBus bus, IServiceScopeFactory scopes) : ScopedEventConsumer<MemberProfileChanged>(bus, scopes)
{
    protected override Task HandleAsync(MemberProfileChanged change, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SellerProfiles>().ApplyAsync(change, cancellationToken);
}
