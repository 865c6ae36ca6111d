using ETicket.Graph.Schema;

namespace ETicket.Graph.Orders;

/// <summary>
/// Buying and the order's lifecycle: purchase, pay, cancel, confirm, dispute, resolve. Each mutation
/// is in a file of its own (PurchaseListing.cs, PayOrder.cs, ...); this contributes them all, in that order.
/// </summary>
public sealed class OrderMutations : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type)
    {
        new PurchaseListingMutation().AddFields(type);
        new PayOrderMutation().AddFields(type);
        new CancelOrderMutation().AddFields(type);
        new ConfirmOrderMutation().AddFields(type);
        new DisputeOrderMutation().AddFields(type);
        new ResolveDisputeMutation().AddFields(type);
    }
}
