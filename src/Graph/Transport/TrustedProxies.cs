using System.Net;
using ETicket.Graph.Schema;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Transport;

public static class TrustedProxies
{
    private const string Setting = $"{NetworkOptions.Section}:{nameof(NetworkOptions.TrustedProxies)}";

    /// <summary>
    /// Makes <c>Connection.RemoteIpAddress</c> the client's address: X-Forwarded-For is read from the
    /// right for as long as each hop is a trusted proxy; the first untrusted hop is the client, and
    /// whatever the header says before it (anyone can write it) is ignored.
    /// </summary>
    public static void UseTrustedProxies(this WebApplication app, SchemaRole role)
    {
        var network = app.Services.GetRequiredService<IOptions<NetworkOptions>>().Value;
        if (network.TrustedProxies.Count == 0)
        {
            // Not installed at all: the middleware with no known proxies would believe every sender.
            if (role.IsFederated && role.ServesMembers)
            {
                app.Logger.LogWarning("{Setting} is empty: requests through the gateway all come from its address and share one sign-in budget.",
                    Setting);
            }
            return;
        }

        // No hop limit: the walk ends at the first untrusted hop anyway, and a load balancer in front
        // of the gateway makes two trusted hops.
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = null };
        // Its defaults trust loopback; only what is configured counts.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var trusted in Parse(network))
            options.KnownIPNetworks.Add(trusted);
        // Kept before the addresses are rewritten: who is actually connected (FromTrustedProxy).
        app.Use((http, next) =>
        {
            http.Features.Set(new ConnectedPeer(http.Connection.RemoteIpAddress));
            return next(http);
        });
        app.UseForwardedHeaders(options);
    }

    /// <summary>The configured proxies, each as a network (an address is a network of one).</summary>
    public static IReadOnlyList<System.Net.IPNetwork> Parse(NetworkOptions network) =>
    [
        .. network.TrustedProxies.Select(entry =>
            System.Net.IPNetwork.TryParse(entry, out var trustedNetwork) ? trustedNetwork
            : IPAddress.TryParse(entry, out var trustedAddress) ? new System.Net.IPNetwork(trustedAddress, trustedAddress.GetAddressBytes().Length * 8)
            : throw new InvalidOperationException($"{Setting} holds \"{entry}\", which is neither an IP address nor a CIDR network (e.g. 10.0.0.0/8).")),
    ];

    /// <summary>
    /// Whether the connection itself comes from a trusted proxy, whatever client it forwards for (the
    /// peer address before forwarded headers were applied).
    /// </summary>
    public static bool FromTrustedProxy(HttpContext http, IReadOnlyList<System.Net.IPNetwork> proxies)
    {
        var peer = http.Features.Get<ConnectedPeer>()?.Address ?? http.Connection.RemoteIpAddress;
        if (peer is null)
            return false;
        if (peer.IsIPv4MappedToIPv6)
            peer = peer.MapToIPv4();
        return proxies.Any(network => network.Contains(peer));
    }
}
