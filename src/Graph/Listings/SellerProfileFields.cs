using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Members;
using ETicket.Graph.Members;
using ETicket.Graph.Querying;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

/// <summary>
/// In the tickets subgraph, the seller fields it answers from its own copy of the seller's public
/// profile (<see cref="SellerProfile"/>): <c>Listing.seller</c> @provides them, so the gateway asks
/// the members subgraph nothing for a market page or a subscription event that shows them. They are
/// @external: the members subgraph owns them and answers them everywhere else.
/// </summary>
public sealed class SellerProfileFields : IFieldContributor<MemberType>
{
    /// <summary>The fields <c>Listing.seller</c> provides (federation's field set).</summary>
    public const string Provided = "nickname avatarUrl";

    public void AddFields(MemberType type)
    {
        type.Field<NonNullGraphType<StringGraphType>>("nickname").Reads(nameof(Member.Nickname)).External()
            .Resolve(ctx => Profile(ctx).Nickname);
        type.Field<StringGraphType>("avatarUrl").Reads(nameof(Member.AvatarUrl)).External()
            .Resolve(ctx => Profile(ctx).AvatarUrl);
    }

    // The gateway asks for them only below Listing.seller, whose source is the copy.
    private static SellerProfile Profile(IResolveFieldContext<IEntity> context) =>
        context.Source as SellerProfile ?? SellerProfile.StandIn(context.Source.Id);
}
