namespace ETicket.Graph.Transport;

/// <summary>Configuration section <c>ETicket:Network</c>.</summary>
public sealed class NetworkOptions
{
    public const string Section = "ETicket:Network";

    /// <summary>
    /// The proxies whose X-Forwarded-For is believed (Hive Gateway, a load balancer): addresses
    /// (<c>10.0.0.7</c>) or CIDR networks (<c>10.0.0.0/8</c>). Empty by default: no header is believed
    /// and the TCP peer is the client.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}
