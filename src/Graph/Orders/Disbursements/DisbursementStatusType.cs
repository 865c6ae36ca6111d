using ETicket.Domain.Orders.Disbursements;
using GraphQL.Types;

namespace ETicket.Graph.Orders.Disbursements;

public sealed class DisbursementStatusType : EnumerationGraphType<DisbursementStatus>
{
    public DisbursementStatusType() => Name = "DisbursementStatus";
}
