namespace ETicket.Domain.DemoData;

/// <summary>One thing a buyer, an admin or the sweep does to an order.</summary>
public enum OrderStep { Purchase, Pay, Cancel, Confirm, Dispute, ResolveForSeller, ResolveForBuyer, SweepUnpaid, SweepUnconfirmed }

/// <summary>A step, and when it happens.</summary>
public sealed record PlannedStep(DateTimeOffset At, OrderStep Step);
