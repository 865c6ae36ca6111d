namespace ETicket.Domain.Orders.Payments;

/// <summary>
/// The provider refused a step or could not be reached; nothing moved. <see cref="Exception.Message"/>
/// is for the member (no key, no payload), <paramref name="code"/> the provider's own error code, for logs.
/// </summary>
public sealed class PaymentFailedException(string message, string? code = null, Exception? inner = null) : Exception(message, inner)
{
    public string? Code { get; } = code;
}
