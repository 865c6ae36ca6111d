namespace ETicket.Domain.Orders;

/// <summary>Where money sits: the buyer, the payment provider, escrow, the seller, the platform.</summary>
public enum LedgerAccount { Buyer, PaymentProvider, Escrow, Seller, Platform }
