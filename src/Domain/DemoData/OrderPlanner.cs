using ETicket.Domain.Common;
using ETicket.Domain.Marketplace;

namespace ETicket.Domain.DemoData;

/// <summary>
/// Plans the demo's orders: for each, a story (<see cref="OrderStory"/>), a listing, a buyer and the
/// times of its steps, so that replaying the steps through the platform's services in time order
/// succeeds and leaves each order in its story's state. Times fit the marketplace's windows as
/// configured: a PAID order was paid inside its confirmation window, a PENDING_PAYMENT one inside
/// its payment window, and no buyer ever holds more unpaid orders than allowed.
/// </summary>
public sealed class OrderPlanner(Random random, DateTimeOffset now, MarketplaceOptions marketplace)
{
    /// <summary>How often each story is told; the first orders tell each once, so every state appears.</summary>
    private static readonly (OrderStory Story, int Weight)[] Stories =
    [
        (OrderStory.Completed, 30), (OrderStory.CompletedUnconfirmed, 10), (OrderStory.CompletedAfterDispute, 4),
        (OrderStory.Refunded, 5), (OrderStory.CancelledByBuyer, 10), (OrderStory.CancelledUnpaid, 10),
        (OrderStory.Disputed, 6), (OrderStory.Paid, 15), (OrderStory.PendingPayment, 10),
    ];

    private static readonly string[] DisputeReasons =
    [
        "检票时提示二维码已被使用", "座位号和描述不一致", "兑换码无效，客服说已被兑换", "The code was rejected at the gate.",
        "The voucher had already been redeemed.", "票码打不开，联系卖家没有回复",
    ];

    private static readonly string[] ResolutionNotes =
    [
        "已与场馆核实，票码此前已被使用。", "卖家提供了入场记录，票码有效。", "Checked with the venue: the code had been used before.",
        "The seller showed the code was valid at the time of sale.",
    ];

    private const int Attempts = 30;

    private readonly HashSet<string> used = [];
    private readonly Dictionary<string, List<(DateTimeOffset From, DateTimeOffset Until)>> unpaid = [];

    /// <param name="listings">Listings on sale, each bought at most once.</param>
    /// <param name="buyers">Members who may buy: in good standing, not the admin.</param>
    public IReadOnlyList<PlannedOrder> Plan(int count, IReadOnlyList<OrderableListing> listings, IReadOnlyList<string> buyers)
    {
        var orders = new List<PlannedOrder>(count);
        for (var n = 0; n < count && used.Count < listings.Count; n++)
        {
            var story = n < Stories.Length ? Stories[n].Story : PickStory();
            if (TryPlan(story, listings, buyers) is { } order)
                orders.Add(order);
        }
        return orders;
    }

    private PlannedOrder? TryPlan(OrderStory story, IReadOnlyList<OrderableListing> listings, IReadOnlyList<string> buyers)
    {
        var offsets = StepsOf(story);
        var span = offsets[^1].After;
        var (earliest, latest) = PurchaseWindow(story, span);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var listing = listings[random.Next(listings.Count)];
            if (used.Contains(listing.Id))
                continue;
            // Bought a while after it was published, and while it was still on the market.
            var from = Max(earliest, listing.PublishedAt + TimeSpan.FromMinutes(10));
            var until = Min(latest, listing.ExpiresAt - TimeSpan.FromMinutes(1));
            if (from > until)
                continue;
            var purchasedAt = from + (until - from) * random.NextDouble();
            // Unpaid until paid or cancelled, or until the deadline, after which the limit no longer counts it; a second
            // more covers the times' rounding to milliseconds.
            var unpaidUntil = purchasedAt + (offsets.Count > 1 ? Min(offsets[1].After, marketplace.PaymentWindow) : marketplace.PaymentWindow)
                + TimeSpan.FromSeconds(1);
            if (PickBuyer(buyers, listing.SellerId, purchasedAt, unpaidUntil) is not { } buyer)
                continue;
            used.Add(listing.Id);
            unpaid[buyer].Add((purchasedAt, unpaidUntil));
            var steps = offsets.Select(o => new PlannedStep(Clock.Truncate(purchasedAt + o.After), o.Step)).ToList();
            return new PlannedOrder(listing.Id, listing.SellerId, buyer, story, steps,
                DisputeReasons[random.Next(DisputeReasons.Length)], ResolutionNotes[random.Next(ResolutionNotes.Length)]);
        }
        return null;
    }

    /// <summary>When the purchase may be: old stories ended an hour ago at the latest; the open ones are recent.</summary>
    private (DateTimeOffset Earliest, DateTimeOffset Latest) PurchaseWindow(OrderStory story, TimeSpan span) => story switch
    {
        // Paid inside the confirmation window that is still open now.
        OrderStory.Paid => (now - marketplace.ConfirmWindow * 0.9 - span, now - span - TimeSpan.FromMinutes(1)),
        OrderStory.Disputed => (now - TimeSpan.FromDays(7) - span, now - span - TimeSpan.FromMinutes(1)),
        OrderStory.PendingPayment => (now - marketplace.PaymentWindow * 0.5, now),
        _ => (now - DemoHistory.Orders, now - span - TimeSpan.FromHours(1)),
    };

    /// <summary>The story's steps, each after the purchase by a time drawn within the marketplace's windows.</summary>
    private List<(TimeSpan After, OrderStep Step)> StepsOf(OrderStory story)
    {
        var steps = new List<(TimeSpan After, OrderStep Step)> { (TimeSpan.Zero, OrderStep.Purchase) };
        void Then(TimeSpan after, OrderStep step) => steps.Add((steps[^1].After + after, step));
        var payment = Between(TimeSpan.FromSeconds(30), marketplace.PaymentWindow * 0.8);
        var withinConfirmation = Between(TimeSpan.FromMinutes(5), marketplace.ConfirmWindow * 0.9);
        var sweepLag = Between(TimeSpan.FromSeconds(1), marketplace.SweepInterval);
        switch (story)
        {
            case OrderStory.Completed:
                Then(payment, OrderStep.Pay);
                Then(withinConfirmation, OrderStep.Confirm);
                break;
            case OrderStory.CompletedUnconfirmed:
                Then(payment, OrderStep.Pay);
                Then(marketplace.ConfirmWindow + sweepLag, OrderStep.SweepUnconfirmed);
                break;
            case OrderStory.CompletedAfterDispute or OrderStory.Refunded:
                Then(payment, OrderStep.Pay);
                Then(withinConfirmation, OrderStep.Dispute);
                Then(Between(TimeSpan.FromHours(2), TimeSpan.FromDays(3)), story == OrderStory.Refunded ? OrderStep.ResolveForBuyer : OrderStep.ResolveForSeller);
                break;
            case OrderStory.CancelledByBuyer:
                Then(Between(TimeSpan.FromSeconds(10), marketplace.PaymentWindow * 0.9), OrderStep.Cancel);
                break;
            case OrderStory.CancelledUnpaid:
                Then(marketplace.PaymentWindow + sweepLag, OrderStep.SweepUnpaid);
                break;
            case OrderStory.Disputed:
                Then(payment, OrderStep.Pay);
                Then(Between(TimeSpan.FromMinutes(5), Min(TimeSpan.FromDays(2), marketplace.ConfirmWindow * 0.9)), OrderStep.Dispute);
                break;
            case OrderStory.Paid:
                Then(payment, OrderStep.Pay);
                break;
        }
        return steps;
    }

    /// <summary>A buyer other than the seller who, counting this order, holds no more unpaid orders than allowed.</summary>
    private string? PickBuyer(IReadOnlyList<string> buyers, string sellerId, DateTimeOffset from, DateTimeOffset until)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var buyer = buyers[random.Next(buyers.Count)];
            if (buyer == sellerId)
                continue;
            var held = unpaid.TryGetValue(buyer, out var intervals) ? intervals : unpaid[buyer] = [];
            if (held.Count(i => i.From < until && from < i.Until) < marketplace.MaxPendingOrders)
                return buyer;
        }
        return null;
    }

    private OrderStory PickStory()
    {
        var roll = random.Next(Stories.Sum(s => s.Weight));
        return Stories.First(s => (roll -= s.Weight) < 0).Story;
    }

    private TimeSpan Between(TimeSpan shortest, TimeSpan longest) =>
        longest <= shortest ? shortest : shortest + (longest - shortest) * random.NextDouble();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
