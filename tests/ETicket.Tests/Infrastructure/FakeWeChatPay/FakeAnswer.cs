using System.Text.Json.Nodes;

namespace ETicket.Tests.Infrastructure.FakeWeChatPay;

/// <summary>What the fake answers a request with, before it signs it: a status and a JSON body (none for 204).</summary>
public sealed record FakeAnswer(int Status, JsonObject? Body)
{
    public static FakeAnswer NoContent { get; } = new(204, null);

    public static FakeAnswer Ok(JsonObject body) => new(200, body);

    /// <summary>WeChat Pay's error answer: <c>{"code":…,"message":…}</c>.</summary>
    public static FakeAnswer Error(int status, string code, string message) => new(status, new JsonObject { ["code"] = code, ["message"] = message });

    public static FakeAnswer ParamError(string message) => Error(400, "PARAM_ERROR", message);
}
