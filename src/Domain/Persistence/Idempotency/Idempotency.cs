using System.Security.Cryptography;
using System.Text.Json;
using ETicket.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Persistence.Idempotency;

/// <summary>
/// Runs create-operations so that a retry with the same idempotency key returns the first result,
/// and the same key with a different input is IDEMPOTENCY_KEY_REUSED. Keys are per member and
/// operation, kept for the <see cref="IdempotencyKeyLifetime"/>.
/// </summary>
public sealed class Idempotency(ETicketDbContext db, TimeProvider clock, IdempotencyKeyLifetime lifetime)
{
    /// <summary>
    /// Runs <paramref name="perform"/> in a transaction with the key's record, all or nothing. The key
    /// is claimed first, so a concurrent request with the same key waits on the key's unique index
    /// until this transaction ends: it then fails on the index and answers this request's result if
    /// this one committed, or goes ahead if this one rolled back (a failed request keeps no key).
    /// </summary>
    /// <param name="perform">Does the work and saves it; runs inside the transaction.</param>
    /// <param name="load">Loads an earlier result by id, to answer a retry.</param>
    public async Task<Outcome<T>> RunAsync<T>(
        IdempotentRequest request,
        Func<CancellationToken, Task<Outcome<T>>> perform,
        Func<string, CancellationToken, Task<T?>> load,
        CancellationToken cancellationToken)
        where T : class, IEntity
    {
        if (request.Key is null)
            return await db.InTransactionAsync(perform, cancellationToken);
        var key = request.Key.Trim();
        if (key.Length is 0 or > IdempotencyRecord.KeyMaxLength)
            return UserError.Validation("idempotencyKey", $"An idempotency key has 1 to {IdempotencyRecord.KeyMaxLength} characters.");
        var requestHash = Hash(request.Input);

        try
        {
            return await db.InTransactionAsync(async ct =>
            {
                if (await FindAsync(request, key, ct) is { } earlier)
                {
                    if (earlier.ExpiresAt > clock.Now())
                        return await ReplayAsync(earlier, requestHash, load, ct);
                    // Past its lifetime a key is free again, even before the sweep forgets it.
                    await db.IdempotencyRecords.Where(r => r.Id == earlier.Id).ExecuteDeleteAsync(ct);
                }
                var claim = IdempotencyRecord.Claim(request.MemberId, request.Operation, key, requestHash, clock.Now(), lifetime.Value);
                db.IdempotencyRecords.Add(claim);
                await db.SaveChangesAsync(ct);
                var outcome = await perform(ct);
                // By its id, not through the change tracker: the work may have cleared it.
                if (outcome.Value is { } created)
                    await db.IdempotencyRecords.Where(r => r.Id == claim.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.ResultId, created.Id), ct);
                return outcome;
            }, cancellationToken);
        }
        catch (DbUpdateException failure) when (failure.ViolatesUniqueIndex<IdempotencyRecord>(db,
            nameof(IdempotencyRecord.MemberId), nameof(IdempotencyRecord.Operation), nameof(IdempotencyRecord.Key)))
        {
            // A request with this key committed while this one waited to claim it: answer its result.
            db.ChangeTracker.Clear();
            if (await FindAsync(request, key, cancellationToken) is not { } winner || winner.ExpiresAt <= clock.Now())
                throw;
            return await ReplayAsync(winner, requestHash, load, cancellationToken);
        }
    }

    /// <summary>Forgets keys past their lifetime.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now();
        return db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The key's record, expired or not: the unique index holds one until the sweep forgets it.</summary>
    private Task<IdempotencyRecord?> FindAsync(IdempotentRequest request, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(
            r => r.MemberId == request.MemberId && r.Operation == request.Operation && r.Key == key, cancellationToken);

    private static async Task<Outcome<T>> ReplayAsync<T>(IdempotencyRecord earlier, string requestHash,
        Func<string, CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        if (earlier.RequestHash != requestHash)
            return new UserError(UserErrorCode.IdempotencyKeyReused,
                "This idempotency key was used for a different request; use a new key for a new request.", "idempotencyKey");
        return await load(earlier.ResultId, cancellationToken) is { } result
            ? result
            : new UserError(UserErrorCode.NotFound, "The result of the earlier request no longer exists.");
    }

    private static string Hash(object input) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(input, input.GetType())));
}
