namespace ETicket.Domain.Orders.Payments;

/// <summary>Settings under <c>ETicket:Payments</c>: which provider takes the money, and how its pending work is followed.</summary>
public sealed class PaymentOptions
{
    public const string Section = "ETicket:Payments";

    /// <summary><see cref="PaymentProviderKind.Sandbox"/> (no real money) or <see cref="PaymentProviderKind.WeChatPay"/>.</summary>
    public PaymentProviderKind? Provider { get; set; }

    /// <summary>How long before an order's payment deadline its waiting payment is looked up, in case its notification was lost.</summary>
    public TimeSpan QueryBeforeDeadline { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a refund or payout on its way (or one the provider could not be asked about) is asked after.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public enum PaymentProviderKind { Sandbox, WeChatPay }
