namespace ETicket.Graph.Orders;

public sealed class ConfirmOrderInputName : IInputName { public string Name => "ConfirmOrderInput"; }

public sealed class ConfirmOrderMutation() : OrderIdMutation<ConfirmOrderInputName>("confirmOrder",
    "The ticket worked: the seller is paid and both of you gain credit points.",
    (desk, buyerId, orderId, cancellationToken) => desk.ConfirmAsync(buyerId, orderId, cancellationToken));
