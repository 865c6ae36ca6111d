namespace ETicket.Domain.Marketplace;

/// <summary>One kind of deadline the marketplace enforces by itself (listing expiry, unpaid orders...).</summary>
public interface IMarketplaceSweep
{
    /// <summary>Records what is due at <paramref name="now"/>; returns how many things changed.</summary>
    Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
