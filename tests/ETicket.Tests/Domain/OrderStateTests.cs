using System.Security.Cryptography;
using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Members;
using ETicket.Domain.Orders;

namespace ETicket.Tests.Domain;

/// <summary>The order state machine on its own, with time given explicitly.</summary>
public sealed class OrderStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan PaymentWindow = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ConfirmWindow = TimeSpan.FromHours(72);

    private static Order NewOrder()
    {
        var vault = new TicketCodeVault(RandomNumberGenerator.GetBytes(32));
        var listing = Listing.Publish("seller", new NewListing(TicketCategory.Concert, "Concert", 100m, 100m, "CODE",
            City: "上海", Venue: "Arena", StartsAt: Start.AddDays(30)), vault, Start);
        return Order.Place(listing, "buyer", ServiceCharges.Quote(100m, MembershipLevel.Normal), Start, PaymentWindow);
    }

    [Fact]
    public void The_happy_path_pays_then_completes()
    {
        var order = NewOrder();
        Assert.Equal(OrderStatus.PendingPayment, order.StatusAt(Start));
        Assert.Null(order.Pay("ref", Start.AddMinutes(5), Start.AddMinutes(5), ConfirmWindow));
        Assert.Equal(Start.AddMinutes(5) + ConfirmWindow, order.ConfirmDeadline);
        Assert.True(order.RevealsCodeToBuyer);
        Assert.Null(order.Confirm(Start.AddHours(1)));
        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.True(order.RevealsCodeToBuyer);
    }

    [Fact]
    public void Payment_after_the_deadline_is_refused_and_reads_as_cancelled()
    {
        var order = NewOrder();
        var late = Start + PaymentWindow;
        Assert.Equal(OrderStatus.Cancelled, order.StatusAt(late));
        Assert.Equal(UserErrorCode.InvalidState, order.Pay("ref", late, late, ConfirmWindow)?.Code);
        Assert.Null(order.Cancel(late));
    }

    [Fact]
    public void A_dispute_is_possible_only_while_paid_and_before_the_confirm_deadline()
    {
        var order = NewOrder();
        Assert.Equal(UserErrorCode.InvalidState, order.Dispute("broken", Start)?.Code);
        order.Pay("ref", Start, Start, ConfirmWindow);
        Assert.Equal(UserErrorCode.InvalidState, order.Dispute("broken", Start + ConfirmWindow)?.Code);
        Assert.Null(order.Dispute("broken", Start + ConfirmWindow - TimeSpan.FromSeconds(1)));
        Assert.True(order.RevealsCodeToBuyer);
        Assert.Equal(UserErrorCode.InvalidState, order.Confirm(Start)?.Code);
    }

    [Fact]
    public void Resolution_refunds_or_completes_only_disputed_orders()
    {
        var order = NewOrder();
        order.Pay("ref", Start, Start, ConfirmWindow);
        Assert.Equal(UserErrorCode.InvalidState, order.ResolveDispute(refundBuyer: true, null, Start)?.Code);
        order.Dispute("broken", Start);
        Assert.Null(order.ResolveDispute(refundBuyer: true, "checked", Start));
        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.False(order.RevealsCodeToBuyer);
    }

    [Fact]
    public void Unconfirmed_orders_complete_at_the_deadline_and_not_before()
    {
        var order = NewOrder();
        order.Pay("ref", Start, Start, ConfirmWindow);
        Assert.False(order.CompleteUnconfirmed(Start + ConfirmWindow - TimeSpan.FromSeconds(1)));
        Assert.True(order.CompleteUnconfirmed(Start + ConfirmWindow));
        Assert.Equal(OrderStatus.Completed, order.Status);
    }

    [Fact]
    public void A_payment_taken_within_the_deadline_pays_even_when_its_word_comes_later()
    {
        var order = NewOrder();
        var takenAt = Start + PaymentWindow - TimeSpan.FromSeconds(1);
        var heardAt = Start + PaymentWindow + TimeSpan.FromMinutes(1);
        Assert.Null(order.Pay("wx-1", takenAt, heardAt, ConfirmWindow));
        Assert.Equal(takenAt, order.PaidAt);
        Assert.Equal(heardAt + ConfirmWindow, order.ConfirmDeadline);
        Assert.Equal("wx-1", order.PaymentReference);
    }

    [Fact]
    public void A_cancelled_order_cannot_be_paid_confirmed_or_cancelled_again()
    {
        var order = NewOrder();
        order.Cancel(Start);
        Assert.Equal(UserErrorCode.InvalidState, order.Pay("ref", Start, Start, ConfirmWindow)?.Code);
        Assert.Equal(UserErrorCode.InvalidState, order.Confirm(Start)?.Code);
        Assert.Equal(UserErrorCode.InvalidState, order.Cancel(Start)?.Code);
        Assert.Contains("CANCELLED", order.Cancel(Start)!.Message);
    }
}
