using System.Text.Json;
using System.Text.Json.Serialization;

namespace ETicket.Domain.Members.WeChat;

/// <summary>
/// The fields of a jscode2session reply the platform uses. The reply's <c>session_key</c> has no
/// property here on purpose: the platform has no use for it, so it is never read, held or logged.
/// </summary>
internal sealed record JsCode2SessionReply(
    [property: JsonPropertyName("openid")] string? OpenId,
    [property: JsonPropertyName("unionid")] string? UnionId,
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg)
{
    /// <summary>WeChat's "system busy, try again": the code was not spent.</summary>
    public const int Busy = -1;

    /// <summary>The reply, or null when the body is not a JSON object of this shape.</summary>
    /// <remarks>
    /// WeChat sends JSON labelled <c>text/plain</c>, so the media type is ignored. The body is buffered,
    /// so the retry rule and the client can both read it.
    /// </remarks>
    public static async Task<JsCode2SessionReply?> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var body = await content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<JsCode2SessionReply>(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
