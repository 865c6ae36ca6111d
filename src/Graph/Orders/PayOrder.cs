namespace ETicket.Graph.Orders;

public sealed class PayOrderInputName : IInputName { public string Name => "PayOrderInput"; }

public sealed class PayOrderMutation() : OrderIdMutation<PayOrderInputName>("payOrder",
    "Pays into escrow (sandbox payment) and reveals the ticket code to you. Paying a paid order charges nothing.",
    (desk, buyerId, orderId, cancellationToken) => desk.PayAsync(buyerId, orderId, cancellationToken));
