namespace ETicket.Tests.Infrastructure.FakeWeChatPay;

/// <summary>How the fake signs an answer: genuinely, or in one of the ways the platform must refuse.</summary>
public enum FakeAnswerSigning { Genuine, Tampered, WrongSerial, Stale, Forged, Unsigned }

/// <summary>
/// What the fake does to one request, scripted in order with <see cref="FakeWeChatPayServer.Script"/>: answer an error
/// instead of handling it, answer late, or sign the answer wrongly.
/// </summary>
public sealed record FakeWeChatPayFault(FakeAnswer? Instead = null, TimeSpan Delay = default, FakeAnswerSigning Signing = FakeAnswerSigning.Genuine)
{
    public static FakeWeChatPayFault SystemError { get; } = new(FakeAnswer.Error(500, "SYSTEM_ERROR", "系统错误"));

    public static FakeWeChatPayFault FrequencyLimited { get; } = new(FakeAnswer.Error(429, "FREQUENCY_LIMITED", "频率超限"));

    public static FakeWeChatPayFault Error(int status, string code, string message) => new(FakeAnswer.Error(status, code, message));

    /// <summary>Carried out at once, answered after the delay: a client that gives up meanwhile does not know it was.</summary>
    public static FakeWeChatPayFault Slow(TimeSpan delay) => new(Delay: delay);

    public static FakeWeChatPayFault Signed(FakeAnswerSigning signing) => new(Signing: signing);
}
