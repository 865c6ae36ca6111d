namespace ETicket.Graph.Orders;

public interface IInputName
{
    string Name { get; }
}
