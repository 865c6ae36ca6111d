using ETicket.Domain.Listings;
using ETicket.Domain.Wanted;
using ETicket.Domain.Wanted.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Listings;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Wanted;

public sealed class PostWantedRequestInput
{
    public TicketCategory Category { get; set; }
    public string Keywords { get; set; } = "";
    public string? City { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }
    public decimal? MaxPrice { get; set; }

    public NewWantedRequest ToCommand() => new(Category, Keywords, City, From, To, MaxPrice);
}

public sealed class PostWantedRequestInputType : InputObjectGraphType<PostWantedRequestInput>
{
    public PostWantedRequestInputType()
    {
        Name = "PostWantedRequestInput";
        Field(i => i.Category, type: typeof(NonNullGraphType<TicketCategoryType>));
        Field(i => i.Keywords).Description($"Words separated by spaces, 1 to {WantedRequest.KeywordsMaxLength} characters; every one must be in a matching listing's title.");
        Field(i => i.City, nullable: true);
        Field(i => i.From, type: typeof(DateTimeScalar));
        Field(i => i.To, type: typeof(DateTimeScalar));
        Field(i => i.MaxPrice, type: typeof(DecimalScalar));
    }
}

public sealed class PostWantedRequestMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<WantedRequestPayloadType, PostWantedRequestInputType, PostWantedRequestInput, WantedRequest>("postWantedRequest",
                (ctx, input) => ctx.Service<WantedRequests>().PostAsync(ctx.RequireViewerId(), input.ToCommand(), ctx.CancellationToken))
            .Description("Asks for a ticket; listings published from now on that match it are recorded and announced.");
}
