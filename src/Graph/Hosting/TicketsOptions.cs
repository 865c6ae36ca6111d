namespace ETicket.Graph.Hosting;

/// <summary>Configuration section <c>ETicket:Tickets</c>.</summary>
public sealed class TicketsOptions
{
    public const string Section = "ETicket:Tickets";

    /// <summary>Base64 of 32 random bytes; the ticket-code encryption and hashing keys derive from it. Required outside Development.</summary>
    public string? SecretKey { get; set; }
}
