using System.Globalization;
using ETicket.Domain.Common;

namespace ETicket.Domain.Listings;

/// <summary>
/// The money rules of a listing: amounts are positive with at most two decimals, and the price is
/// fair, at most the face value times (1 + the cap, <see cref="Marketplace.MarketplaceOptions.PriceCap"/>).
/// </summary>
public static class ListingPrices
{
    /// <summary>null when <paramref name="amount"/> is a valid amount for the input <paramref name="field"/>.</summary>
    public static UserError? CheckAmount(string field, decimal amount) =>
        amount <= 0 ? UserError.Validation(field, $"`{field}` must be more than zero.")
        : Money.Places(amount) > 2 ? UserError.Validation(field, $"`{field}` has at most two decimal places.")
        : null;

    /// <summary>null when <paramref name="price"/> is within the cap above <paramref name="faceValue"/>, else PRICE_ABOVE_CAP.</summary>
    public static UserError? CheckCap(decimal price, decimal faceValue, decimal priceCap)
    {
        var ceiling = faceValue * (1 + priceCap);
        if (price <= ceiling)
            return null;
        // Shown in whole cents, rounded down: the highest price a seller can actually ask.
        var highest = Math.Floor(ceiling * 100) / 100;
        var percent = (priceCap * 100).ToString("0.##", CultureInfo.InvariantCulture);
        return new UserError(UserErrorCode.PriceAboveCap,
            $"The price can be at most {Money.Format(highest)}: {percent}% above the face value of {Money.Format(faceValue)}.", "price");
    }
}
