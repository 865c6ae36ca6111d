using ETicket.Domain.Common;
using ETicket.Graph.Auth;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace ETicket.Graph.Members;

public sealed class MemberQueries(IMemberResolver members) : IFieldContributor<QueryType>
{
    public void AddFields(QueryType type)
    {
        type.Field<MemberType>("me")
            .Description("The signed-in member; null when anonymous.")
            .Resolve(ctx => ctx.ViewerId() is { } id ? members.Resolve(ctx, id) : null);

        type.Field<MemberType>("member")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(ctx => ctx.GetArgument<string>("id") is var id && Ids.IsWellFormed(id) ? members.Resolve(ctx, id) : null);
    }
}
