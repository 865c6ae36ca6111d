namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// A WeChat Pay call that did not give a verified answer. <see cref="Code"/> is WeChat Pay's error code
/// (ORDERPAID, NOT_ENOUGH, FREQUENCY_LIMITED, SYSTEM_ERROR…) or one of the platform's own below.
/// The message names the call, the HTTP status and WeChat Pay's code and message; never a key or a request body.
/// </summary>
public class WeChatPayException(string message, string code, int? httpStatus, bool outcomeUnknown, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The call took longer than <see cref="WeChatPayOptions.Timeout"/>.</summary>
    public const string TimeoutCode = "ETICKET_TIMEOUT";

    /// <summary>WeChat Pay could not be reached, or the connection failed.</summary>
    public const string UnreachableCode = "ETICKET_UNREACHABLE";

    /// <summary>An answer that is not WeChat Pay's, or not what it should be (<see cref="WeChatPayAnswerRefusedException"/>).</summary>
    public const string AnswerRefusedCode = "ETICKET_ANSWER_REFUSED";

    public string Code { get; } = code;

    /// <summary>The HTTP status WeChat Pay answered with; null when there was no answer.</summary>
    public int? HttpStatus { get; } = httpStatus;

    /// <summary>
    /// True when WeChat Pay may have acted on the request all the same (a timeout, a broken connection, a 5xx,
    /// an answer that could not be trusted): query it before doing anything else, and never retry with a new
    /// out_trade_no, out_refund_no or out_bill_no, which could pay, refund or transfer twice.
    /// </summary>
    public bool OutcomeUnknown { get; } = outcomeUnknown;
}
