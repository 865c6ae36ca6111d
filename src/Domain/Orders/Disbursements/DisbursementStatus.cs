namespace ETicket.Domain.Orders.Disbursements;

public enum DisbursementStatus
{
    /// <summary>Decided; the provider has not accepted it yet (it is asked again until it does).</summary>
    Pending,
    /// <summary>Accepted by the provider, on its way.</summary>
    Processing,
    /// <summary>The seller has to accept the transfer in the mini-program (wx.requestMerchantTransfer).</summary>
    AwaitingPayee,
    /// <summary>The money arrived; the ledger has recorded it.</summary>
    Succeeded,
    /// <summary>The provider gave up; an admin can try again.</summary>
    Failed,
}
