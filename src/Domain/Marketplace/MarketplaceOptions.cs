namespace ETicket.Domain.Marketplace;

/// <summary>Configuration section <c>ETicket:Marketplace</c>: the marketplace's numbers.</summary>
public sealed class MarketplaceOptions
{
    public const string Section = "ETicket:Marketplace";

    /// <summary>A price may be at most the face value times (1 + this): 0.20 allows 20% above face value.</summary>
    public decimal PriceCap { get; set; } = 0.20m;

    /// <summary>How long a purchase reserves the listing while the buyer pays.</summary>
    public TimeSpan PaymentWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a buyer has, after paying, to confirm or dispute before the order completes by itself.</summary>
    public TimeSpan ConfirmWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Unpaid orders one buyer may hold at once.</summary>
    public int MaxPendingOrders { get; set; } = 3;

    /// <summary>Credit points the buyer and the seller each gain for a completed trade.</summary>
    public int CompletedTradePoints { get; set; } = 10;

    /// <summary>Credit points a seller loses when a dispute is refunded (never below zero).</summary>
    public int RefundPenaltyPoints { get; set; } = 50;

    /// <summary>How long an idempotency key keeps its first result.</summary>
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the background sweep expires listings, cancels unpaid orders and completes unconfirmed ones.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// False: this process never sweeps by itself, another process on the database does (each may,
    /// safely; one is enough). Reads do not wait for a sweep either way.
    /// </summary>
    public bool SweepInBackground { get; set; } = true;
}
