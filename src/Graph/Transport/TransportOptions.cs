namespace ETicket.Graph.Transport;

/// <summary>Configuration section <c>ETicket:Transport</c>.</summary>
public sealed class TransportOptions
{
    public const string Section = "ETicket:Transport";

    /// <summary>
    /// The largest POST body accepted; larger ones get 413. GET is bounded by Kestrel's request line
    /// limit instead (8 KB by default), which answers 414 itself.
    /// </summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;
}
