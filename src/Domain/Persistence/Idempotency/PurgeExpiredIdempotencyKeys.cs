using ETicket.Domain.Marketplace;

namespace ETicket.Domain.Persistence.Idempotency;

/// <summary>Idempotency keys past their lifetime are forgotten.</summary>
public sealed class PurgeExpiredIdempotencyKeys(Idempotency idempotency) : IMarketplaceSweep
{
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await idempotency.PurgeExpiredAsync(cancellationToken);
        return 0; // forgetting old keys changes nothing anyone sees
    }
}
