using ETicket.Domain.Wanted;
using ETicket.Graph.Common;
using ETicket.Graph.Listings;
using ETicket.Graph.Members;
using ETicket.Graph.Schema;
using GraphQL.Federation;
using GraphQL.Types;

namespace ETicket.Graph.Wanted;

// Graph types are registered for every role (assembly scan), so constructors take only services
// every role has; module services are looked up when a field resolves.
public sealed class WantedRequestType : ObjectGraphType<WantedRequest>
{
    public WantedRequestType(SchemaRole role, IMemberResolver members)
    {
        Name = "WantedRequest";
        Description = "求购: a ticket a member is looking for. Each listing published afterwards that matches it is recorded, once.";
        if (role.IsFederated)
        {
            this.Key("id");
            this.ResolveReference<WantedRequestReference, WantedRequest>((ctx, reference) =>
                ctx.Service<WantedRequestLoader>().Load(reference.Id));
        }
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<MemberType>>("member")
            .Description("Who is looking.")
            .Resolve(ctx => members.ResolveReferenced(ctx, ctx.Source.MemberId));
        Field<NonNullGraphType<TicketCategoryType>>("category").Resolve(ctx => ctx.Source.Category);
        Field<NonNullGraphType<StringGraphType>>("keywords")
            .Description("Words separated by spaces; a matching listing's title contains every one, ignoring case.")
            .Resolve(ctx => ctx.Source.Keywords);
        Field<StringGraphType>("city")
            .Description("When set, only listings in exactly this city match.")
            .Resolve(ctx => ctx.Source.City);
        Field<DateTimeScalar>("from")
            .Description("When set, only listings starting at or after this time match.")
            .Resolve(ctx => ctx.Source.From);
        Field<DateTimeScalar>("to")
            .Description("When set, only listings starting at or before this time match.")
            .Resolve(ctx => ctx.Source.To);
        Field<DecimalScalar>("maxPrice")
            .Description("When set, only listings priced at most this match.")
            .Resolve(ctx => ctx.Source.MaxPrice);
        Field<NonNullGraphType<BooleanGraphType>>("open")
            .Description("Open requests are matched and on the board; the member who posted one closes it.")
            .Resolve(ctx => ctx.Source.Open);
        Field<NonNullGraphType<DateTimeScalar>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
    }
}
