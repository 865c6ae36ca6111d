namespace ETicket.Graph.Orders;

public sealed class CancelOrder : IInputName { public string Name => "CancelOrderInput"; }

public sealed class CancelOrderMutation() : OrderIdMutation<CancelOrder>("cancelOrder",
    "Cancels an order waiting for payment; the listing goes back on sale.",
    (desk, buyerId, orderId, cancellationToken) => desk.CancelAsync(buyerId, orderId, cancellationToken));
