namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// An answer to a call that the platform does not believe (unsigned, signed by another key, stale, altered) or
/// cannot read. Nothing in it is used. WeChat Pay may have acted on the call, so <see cref="WeChatPayException.OutcomeUnknown"/> is true.
/// </summary>
public sealed class WeChatPayAnswerRefusedException(string operation, WeChatPayRefusal refusal, int httpStatus)
    : WeChatPayException($"WeChat Pay's answer to {operation} (HTTP {httpStatus}) was refused: {refusal}.", AnswerRefusedCode, httpStatus, outcomeUnknown: true)
{
    public WeChatPayRefusal Refusal { get; } = refusal;
}
