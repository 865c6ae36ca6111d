using System.Text.Json.Nodes;

namespace ETicket.Tests.Infrastructure.FakeWeChatPay;

/// <summary>
/// A request the fake received: its target as sent, its body, the headers that matter, and what was wrong
/// with its signature (null when WeChat Pay would have accepted it).
/// </summary>
public sealed record FakeWeChatPayRequest(
    string Method,
    string Target,
    JsonObject? Body,
    IReadOnlyDictionary<string, string> Authorization,
    string? WechatpaySerial,
    string? Accept,
    string? UserAgent,
    string? SignatureProblem)
{
    public string Path => Target.Split('?')[0];
}
