namespace ETicket.Graph.Orders;

public class OrderIdInput
{
    public string OrderId { get; set; } = "";
}
