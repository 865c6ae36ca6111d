using ETicket.Domain.Orders;
using GraphQL.Types;

namespace ETicket.Graph.Orders;

public sealed class OrderStatusType : EnumerationGraphType<OrderStatus>
{
    public OrderStatusType() => Name = "OrderStatus";
}
