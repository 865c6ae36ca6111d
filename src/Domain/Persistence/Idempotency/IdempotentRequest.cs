namespace ETicket.Domain.Persistence.Idempotency;

/// <summary>What an idempotent operation is asked: by whom, under which key, with which input.</summary>
/// <param name="Input">Serialized to recognise a retry: the same key must come with the same input.</param>
public sealed record IdempotentRequest(string MemberId, string Operation, string? Key, object Input);
