using System.Net;
using GraphQL;

namespace ETicket.Graph.Common;

/// <summary>
/// The address a request comes from, as the transport determined it (after trusted proxies'
/// X-Forwarded-For). The transport puts it in the execution's user context, so fields that need it
/// (rate limits) depend on nothing from HTTP.
/// </summary>
public static class ClientAddress
{
    private const string Key = "ETicket.ClientAddress";

    public static void Set(IDictionary<string, object?> userContext, IPAddress? address) => userContext[Key] = address;

    /// <summary>Null when the transport knows no address (no TCP peer, e.g. a Unix socket).</summary>
    public static IPAddress? Of(IResolveFieldContext context) =>
        context.UserContext.TryGetValue(Key, out var address) ? address as IPAddress : null;
}
