using ETicket.Domain.Events;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Listings;
using ETicket.Graph.Subscriptions;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Wanted;

public sealed class WantedSubscriptions : IFieldContributor<SubscriptionType>
{
    public void AddFields(SubscriptionType type)
    {
        type.Field<NonNullGraphType<WantedMatchType>>("wantedRequestMatched")
            .Description("A newly published listing matches one of the signed-in member's open wanted requests.")
            .DependsOnViewer()
            .ResolveStream(ctx =>
            {
                var member = ctx.RequireViewerId();
                return ctx.Service<SubscriptionEvents>().Stream<WantedRequestMatched, MatchedListing>(
                    e => e.MemberId == member,
                    e => $"match:{e.WantedRequestId}:{e.ListingId}",
                    async (services, e, ct) =>
                    {
                        var request = services.GetRequiredService<WantedRequestLoader>().Load(e.WantedRequestId);
                        var listing = services.GetRequiredService<ListingLoader>().Load(e.ListingId);
                        return await request.GetResultAsync(ct) is { } found && await listing.GetResultAsync(ct) is { } matched
                            ? new MatchedListing(found, matched)
                            : null;
                    });
            });
    }
}
