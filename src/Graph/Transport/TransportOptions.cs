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

    /// <summary>
    /// The slowest a request body may arrive once <see cref="RequestBodyGracePeriod"/> has passed;
    /// slower gets 408. Kestrel's MinRequestBodyDataRate, which its own "Kestrel:Limits" section
    /// cannot set (the rate has no setters to bind); the defaults are Kestrel's.
    /// </summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <inheritdoc cref="MinRequestBodyBytesPerSecond"/>
    public TimeSpan RequestBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);
}
