using ETicket.Domain.Orders.Payments;
using GraphQL.Types;

namespace ETicket.Graph.Orders;

/// <summary>The parameters of <c>wx.requestPayment</c>, named as the mini-program passes them.</summary>
public sealed class WeChatPaymentType : ObjectGraphType<ClientPayment>
{
    public WeChatPaymentType()
    {
        Name = "WeChatPayment";
        Description = "What the mini-program passes to wx.requestPayment to pay an order with WeChat Pay, signed by the merchant: " +
                      "wx.requestPayment({ timeStamp, nonceStr, package, signType, paySign }).";
        Field<NonNullGraphType<StringGraphType>>("appId").Resolve(ctx => ctx.Source.AppId);
        Field<NonNullGraphType<StringGraphType>>("timeStamp").Resolve(ctx => ctx.Source.TimeStamp);
        Field<NonNullGraphType<StringGraphType>>("nonceStr").Resolve(ctx => ctx.Source.NonceStr);
        Field<NonNullGraphType<StringGraphType>>("package").Description("prepay_id=…").Resolve(ctx => ctx.Source.Package);
        Field<NonNullGraphType<StringGraphType>>("signType").Description("RSA").Resolve(ctx => ctx.Source.SignType);
        Field<NonNullGraphType<StringGraphType>>("paySign").Resolve(ctx => ctx.Source.PaySign);
    }
}
