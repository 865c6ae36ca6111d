using ETicket.Domain.Common;
using ETicket.Domain.Listings;

namespace ETicket.Domain.Orders;

/// <summary>Who may buy a listing: never its seller, and nobody holding too many unpaid orders.</summary>
public static class PurchaseRules
{
    public static UserError? CheckBuyer(Listing listing, string buyerId) =>
        listing.SellerId == buyerId ? new UserError(UserErrorCode.NotAllowed, "You cannot buy your own listing.", "listingId") : null;

    /// <param name="pendingOrders">The buyer's orders waiting for payment, deadline not passed.</param>
    /// <param name="maxPendingOrders">MarketplaceOptions.MaxPendingOrders.</param>
    public static UserError? CheckPendingOrders(int pendingOrders, int maxPendingOrders) =>
        pendingOrders >= maxPendingOrders
            ? new UserError(UserErrorCode.PurchaseLimitReached,
                $"You have {pendingOrders} orders waiting for payment; pay or cancel one before buying more (at most {maxPendingOrders}).")
            : null;
}
