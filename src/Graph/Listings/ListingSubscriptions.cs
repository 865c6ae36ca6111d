using System.Reactive.Linq;
using ETicket.Domain.Common;
using ETicket.Domain.Events;
using ETicket.Domain.Listings;
using ETicket.Graph.Common;
using ETicket.Graph.Subscriptions;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

public sealed class ListingSubscriptions : IFieldContributor<SubscriptionType>
{
    public void AddFields(SubscriptionType type)
    {
        type.Field<NonNullGraphType<ListingType>>("listingPublished")
            .Description("A listing goes on sale: newly published, or back on sale after an order fell through. Both arguments filter.")
            .Argument<TicketCategoryType>("category")
            .Argument<StringGraphType>("city")
            .ResolveStream(ctx =>
            {
                var (category, city) = (ctx.GetArgument<TicketCategory?>("category"), ctx.GetArgument<string?>("city"));
                // The city is compared after loading: a listing back on sale names only its id in the event.
                return ctx.Service<SubscriptionEvents>()
                    .Stream<DomainEvent, Listing>(
                        e => e is ListingPublished published ? (category is null || published.Category == category) && (city is null || published.City == city)
                            : e is ListingStatusChanged { Status: ListingStatus.OnSale },
                        ListingKey, LoadListingAsync)
                    .Where(listing => (category is null || listing.Category == category) && (city is null || listing.City == city));
            });

        type.Field<NonNullGraphType<ListingType>>("listingChanged")
            .Description("The price or status of one listing changed.")
            .Argument<NonNullGraphType<IdGraphType>>("listingId")
            .ResolveStreamAsync(async ctx =>
            {
                var id = ctx.GetArgument<string>("listingId");
                if (!Ids.IsWellFormed(id) || await ctx.Service<ListingLoader>().Load(id).GetResultAsync(ctx.CancellationToken) is null)
                    throw ErrorCodes.Error(ErrorCodes.BadUserInput, $"There is no listing with id '{id}'.");
                return ctx.Service<SubscriptionEvents>().Stream<DomainEvent, Listing>(
                    e => e is ListingPriceChanged price ? price.ListingId == id : e is ListingStatusChanged status && status.ListingId == id,
                    ListingKey, LoadListingAsync);
            });
    }

    private static string ListingIdOf(DomainEvent e) => e switch
    {
        ListingPublished published => published.ListingId,
        ListingPriceChanged price => price.ListingId,
        ListingStatusChanged status => status.ListingId,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.TypeName, "Not a listing event."),
    };

    private static string ListingKey(DomainEvent e) => "listing:" + ListingIdOf(e);

    private static Task<Listing?> LoadListingAsync(IServiceProvider services, DomainEvent e, CancellationToken cancellationToken) =>
        services.GetRequiredService<ListingLoader>().Load(ListingIdOf(e)).GetResultAsync(cancellationToken);
}
