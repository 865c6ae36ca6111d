namespace ETicket.Graph.Orders;

public sealed class CancelOrderInputName : IInputName { public string Name => "CancelOrderInput"; }

public sealed class CancelOrderMutation() : OrderIdMutation<CancelOrderInputName>("cancelOrder",
    "Cancels an order waiting for payment; the listing goes back on sale.",
    (desk, buyerId, orderId, cancellationToken) => desk.CancelAsync(buyerId, orderId, cancellationToken));
