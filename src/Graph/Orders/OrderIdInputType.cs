using GraphQL.Types;

namespace ETicket.Graph.Orders;

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
