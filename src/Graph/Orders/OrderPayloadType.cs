using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Payments;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;

namespace ETicket.Graph.Orders;

public sealed class OrderPayloadType : PayloadType<Order, OrderType>
{
    public OrderPayloadType() : base("OrderPayload", "order") =>
        Field<WeChatPaymentType>("weChatPayment")
            .Description("With WeChat Pay, after payOrder: what the buyer's mini-program passes to wx.requestPayment. The order stays " +
                         "PENDING_PAYMENT until WeChat Pay confirms the payment (subscribe to myOrderChanged). Null in the sandbox, " +
                         "which pays at once, and for anyone but the buyer.")
            .Resolve(ctx => ctx.Source.Result is { Status: OrderStatus.PendingPayment, PaymentHandle: { } handle } order && ctx.ViewerId() == order.BuyerId
                ? ctx.Service<IPaymentProvider>().Resume(handle)
                : null);
}
