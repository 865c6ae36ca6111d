using GraphQL.Types;

namespace ETicket.Graph.Orders;

public sealed class PurchaseListingInput
{
    public string ListingId { get; set; } = "";
    public string? IdempotencyKey { get; set; }
}

public sealed class PurchaseListingInputType : InputObjectGraphType<PurchaseListingInput>
{
    public PurchaseListingInputType()
    {
        Name = "PurchaseListingInput";
        Field(i => i.ListingId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.IdempotencyKey, nullable: true)
            .Description("Sending the same key again returns the first order instead of buying twice; kept 24 hours.");
    }
}

public class OrderIdInput
{
    public string OrderId { get; set; } = "";
}

/// <summary>The inputs that only name an order (PayOrderInput, CancelOrderInput, ConfirmOrderInput).</summary>
public sealed class OrderIdInputType<TName> : InputObjectGraphType<OrderIdInput>
    where TName : IInputName, new()
{
    public OrderIdInputType()
    {
        Name = new TName().Name;
        Field(i => i.OrderId, type: typeof(NonNullGraphType<IdGraphType>));
    }
}

public interface IInputName
{
    string Name { get; }
}

public sealed class PayOrder : IInputName { public string Name => "PayOrderInput"; }
public sealed class CancelOrder : IInputName { public string Name => "CancelOrderInput"; }
public sealed class ConfirmOrder : IInputName { public string Name => "ConfirmOrderInput"; }

public sealed class DisputeOrderInput : OrderIdInput
{
    public string Reason { get; set; } = "";
}

public sealed class DisputeOrderInputType : InputObjectGraphType<DisputeOrderInput>
{
    public DisputeOrderInputType()
    {
        Name = "DisputeOrderInput";
        Field(i => i.OrderId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Reason).Description("What went wrong, 2 to 500 characters.");
    }
}

public sealed class ResolveDisputeInput : OrderIdInput
{
    public bool RefundBuyer { get; set; }
    public string? Note { get; set; }
}

public sealed class ResolveDisputeInputType : InputObjectGraphType<ResolveDisputeInput>
{
    public ResolveDisputeInputType()
    {
        Name = "ResolveDisputeInput";
        Field(i => i.OrderId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.RefundBuyer).Description("true refunds the buyer; false completes the order for the seller.");
        Field(i => i.Note, nullable: true);
    }
}
