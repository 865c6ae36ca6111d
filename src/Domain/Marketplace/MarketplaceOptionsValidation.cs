using Microsoft.Extensions.Options;

namespace ETicket.Domain.Marketplace;

/// <summary>Refuses, at start, marketplace numbers that would make the marketplace unusable.</summary>
public sealed class MarketplaceOptionsValidation : IValidateOptions<MarketplaceOptions>
{
    public ValidateOptionsResult Validate(string? name, MarketplaceOptions options)
    {
        var problems = new List<string>();
        if (options.PriceCap < 0)
            problems.Add("PriceCap cannot be negative (0.20 allows 20% above face value).");
        foreach (var (key, value) in new[]
        {
            (nameof(options.PaymentWindow), options.PaymentWindow), (nameof(options.ConfirmWindow), options.ConfirmWindow),
            (nameof(options.IdempotencyKeyLifetime), options.IdempotencyKeyLifetime), (nameof(options.SweepInterval), options.SweepInterval),
        })
        {
            if (value <= TimeSpan.Zero)
                problems.Add($"{key} must be longer than zero.");
        }
        if (options.MaxPendingOrders < 1)
            problems.Add("MaxPendingOrders must be at least 1.");
        if (options.CompletedTradePoints < 0 || options.RefundPenaltyPoints < 0)
            problems.Add("CompletedTradePoints and RefundPenaltyPoints cannot be negative.");
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => $"{MarketplaceOptions.Section}: {p}"));
    }
}
