using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Listings.Querying;
using ETicket.Domain.Persistence.QueryEngine.Keyset;
using ETicket.Graph.Common;
using ETicket.Graph.Members;
using ETicket.Graph.Querying;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

/// <summary>The tickets module's fields on Member (an entity extension when federated).</summary>
public sealed class MemberListingsFields : IFieldContributor<MemberType>
{
    public void AddFields(MemberType type) =>
        type.Field<NonNullGraphType<ListingConnectionType>>("listings")
            .Reads(nameof(IEntity.Id))
            .Description("The member's listings, newest first; `status` as of now.")
            .Argument<ListingStatusType>("status")
            .Paged(backward: false)
            .Resolve(ctx =>
            {
                var page = ctx.ToPageRequest();
                // Here, not in the batch: a bad cursor fails this field alone, not every shop on the page.
                if (page.After is not null)
                    KeysetPaging.CheckCursor(page.After, ListingOrderings.NewestFirst);
                return ctx.Service<SellerListingsLoader>().Load(
                    new SellerListingsKey(ctx.Source.Id, ctx.GetArgument<ListingStatus?>("status"), page.Size, page.After));
            });
}
