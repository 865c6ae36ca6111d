using ETicket.Domain.Listings;
using ETicket.Domain.Listings.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

public sealed class ChangeListingPriceInput
{
    public string ListingId { get; set; } = "";
    public decimal Price { get; set; }
}

public sealed class ChangeListingPriceInputType : InputObjectGraphType<ChangeListingPriceInput>
{
    public ChangeListingPriceInputType()
    {
        Name = "ChangeListingPriceInput";
        Field(i => i.ListingId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Price, type: typeof(NonNullGraphType<DecimalScalar>)).Description("At most the face value plus the price cap (20% by default).");
    }
}

/// <summary>The seller reprices their listing while it is on sale.</summary>
public sealed class ChangeListingPriceMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<ListingPayloadType, ChangeListingPriceInputType, ChangeListingPriceInput, Listing>("changeListingPrice",
            (ctx, input) => ctx.Service<ListingEditor>().ChangePriceAsync(ctx.RequireViewerId(), input.ListingId, input.Price, ctx.CancellationToken));
}
