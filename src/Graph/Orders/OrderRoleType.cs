using ETicket.Domain.Orders;
using GraphQL.Types;

namespace ETicket.Graph.Orders;

public sealed class OrderRoleType : EnumerationGraphType<OrderRole>
{
    public OrderRoleType() => Name = "OrderRole";
}
