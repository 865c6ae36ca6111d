namespace ETicket.Domain.Orders.Payments;

/// <summary>Where a money movement out of escrow (a refund, a payout) stands at the provider.</summary>
/// <param name="Reference">The provider's id of it, once it has one.</param>
/// <param name="Failure">Why it failed, in words for admins (never a key or a payload).</param>
/// <param name="PayeeConfirmation">When <see cref="TransferState.AwaitingPayee"/>: what the payee's client passes to <c>wx.requestMerchantTransfer</c>.</param>
public sealed record TransferProgress(TransferState State, string? Reference = null, string? Failure = null, string? PayeeConfirmation = null);

public enum TransferState
{
    /// <summary>Accepted, on its way.</summary>
    Processing,
    /// <summary>Waits for the payee to accept it in their client.</summary>
    AwaitingPayee,
    Succeeded,
    /// <summary>Ended without moving the money: a new attempt, with a new number, may follow.</summary>
    Failed,
}
