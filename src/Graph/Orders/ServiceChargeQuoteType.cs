using ETicket.Domain.Orders;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Orders;

public sealed class ServiceChargeQuoteType : ObjectGraphType<ServiceChargeQuote>
{
    public ServiceChargeQuoteType()
    {
        Name = "ServiceChargeQuote";
        Field<NonNullGraphType<DecimalScalar>>("price").Resolve(ctx => ctx.Source.Price);
        Field<NonNullGraphType<DecimalScalar>>("serviceCharge").Resolve(ctx => ctx.Source.ServiceCharge);
        Field<NonNullGraphType<DecimalScalar>>("total").Resolve(ctx => ctx.Source.Total);
        Field<NonNullGraphType<Members.MembershipLevelType>>("membershipLevel").Resolve(ctx => ctx.Source.Level);
    }
}
