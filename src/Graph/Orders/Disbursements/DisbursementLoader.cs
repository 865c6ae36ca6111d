using ETicket.Domain.Orders.Disbursements;
using ETicket.Graph.Common;

namespace ETicket.Graph.Orders.Disbursements;

/// <summary>The refunds and payouts of orders, one query per batch.</summary>
public sealed class DisbursementLoader(DisbursementDesk desk) : BatchLoader<string, IReadOnlyList<Disbursement>>
{
    protected override Task<IReadOnlyDictionary<string, IReadOnlyList<Disbursement>>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        desk.ForOrdersAsync(keys, cancellationToken);
}
