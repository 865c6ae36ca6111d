namespace ETicket.Domain.Orders.Payments;

public sealed class PaymentDeclinedException(string message) : Exception(message);
