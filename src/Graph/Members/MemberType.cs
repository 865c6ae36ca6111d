using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Members;
using ETicket.Graph.Querying;
using ETicket.Graph.Schema;
using GraphQL.Federation;
using GraphQL.Types;

namespace ETicket.Graph.Members;

/// <summary>
/// The Member entity's shell: its name and key. The members module adds the profile fields and the
/// tickets module adds listings; the source is a full <see cref="Member"/> where the members module is
/// served, and a bare <see cref="MemberReference"/> in the tickets subgraph.
/// </summary>
public sealed class MemberType : ObjectGraphType<IEntity>
{
    public const string TypeName = "Member";

    public MemberType(SchemaRole role, IMemberResolver members, IEnumerable<IFieldContributor<MemberType>> contributors)
    {
        Name = TypeName;
        IsTypeOf = source => source is Member or MemberReference or SellerProfile;
        Field<NonNullGraphType<IdGraphType>>("id").Reads(nameof(IEntity.Id)).Resolve(ctx => ctx.Source.Id);
        if (role.IsFederated)
        {
            this.Key("id");
            this.ResolveReference<MemberReference, IEntity>((ctx, reference) => members.ResolveReferenced(ctx, reference.Id));
        }
        this.Apply(contributors);
    }
}
