using ETicket.Domain.Orders;
using ETicket.Graph.Common;

namespace ETicket.Graph.Orders;

public sealed class OrderConnectionType : ConnectionType<Order, OrderType>;
