using ETicket.Domain.Listings;
using ETicket.Domain.Listings.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

public sealed class WithdrawListingInput
{
    public string ListingId { get; set; } = "";
}

public sealed class WithdrawListingInputType : InputObjectGraphType<WithdrawListingInput>
{
    public WithdrawListingInputType()
    {
        Name = "WithdrawListingInput";
        Field(i => i.ListingId, type: typeof(NonNullGraphType<IdGraphType>));
    }
}

/// <summary>The seller takes their listing off the market; its ticket code may be listed again.</summary>
public sealed class WithdrawListingMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<ListingPayloadType, WithdrawListingInputType, WithdrawListingInput, Listing>("withdrawListing",
            (ctx, input) => ctx.Service<ListingEditor>().WithdrawAsync(ctx.RequireViewerId(), input.ListingId, ctx.CancellationToken));
}
