using ETicket.Domain.Orders.Disbursements;
using GraphQL.Types;

namespace ETicket.Graph.Orders.Disbursements;

public sealed class DisbursementKindType : EnumerationGraphType<DisbursementKind>
{
    public DisbursementKindType() => Name = "DisbursementKind";
}
