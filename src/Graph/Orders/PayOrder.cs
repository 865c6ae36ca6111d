namespace ETicket.Graph.Orders;

public sealed class PayOrderInputName : IInputName { public string Name => "PayOrderInput"; }

public sealed class PayOrderMutation() : OrderIdMutation<PayOrderInputName>("payOrder",
    "Pays into escrow. In the sandbox the payment is taken at once and reveals the ticket code to you; with WeChat Pay it starts the payment " +
    "your mini-program completes with the payload's weChatPayment, and the order becomes PAID when WeChat Pay confirms it. " +
    "Paying a paid order, or one whose payment started, charges nothing more.",
    (desk, buyerId, orderId, cancellationToken) => desk.PayAsync(buyerId, orderId, cancellationToken));
