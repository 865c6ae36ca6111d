namespace ETicket.Graph.Transport;

/// <summary>Configuration section <c>ETicket:Transport</c>.</summary>
public sealed class TransportOptions
{
    public const string Section = "ETicket:Transport";

    /// <summary>The largest request body (or GET query string) accepted; larger ones get 413.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;
}
