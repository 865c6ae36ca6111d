namespace ETicket.Domain.Common;

/// <summary>
/// The first result of a request sent with an idempotency key: the same member sending the same key
/// for the same operation gets that result again, if the input is the same.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 100;

    private IdempotencyRecord() { }

    public long Id { get; private set; }
    public string MemberId { get; private set; } = "";
    public string Operation { get; private set; } = "";
    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of the request's input, to tell a retry from a different request under a reused key.</summary>
    public string RequestHash { get; private set; } = "";

    /// <summary>The id of what the first request created.</summary>
    public string ResultId { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    public static IdempotencyRecord Remember(string memberId, string operation, string key, string requestHash, string resultId,
        DateTimeOffset now, TimeSpan lifetime) => new()
    {
        MemberId = memberId,
        Operation = operation,
        Key = key,
        RequestHash = requestHash,
        ResultId = resultId,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };
}
