namespace ETicket.Domain.Orders;

public enum OrderRole { Buyer, Seller }
