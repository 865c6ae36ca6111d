namespace ETicket.Domain.Persistence;

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

    /// <summary>The id of what the first request created; empty only inside the transaction that claimed the key.</summary>
    public string ResultId { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>The key, taken before the work is done; the work's transaction fills in <see cref="ResultId"/>.</summary>
    public static IdempotencyRecord Claim(string memberId, string operation, string key, string requestHash, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        MemberId = memberId,
        Operation = operation,
        Key = key,
        RequestHash = requestHash,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };
}
