using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using ETicket.Graph.Common;
using GraphQL;
using GraphQL.Instrumentation;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Members;

/// <summary>
/// Grants each client address <see cref="SignInRateLimitOptions.PermitLimit"/> calls of the marked
/// fields per window. The count lives in this process: replicas each count their own.
/// </summary>
public sealed class SignInRateLimitMiddleware : IFieldMiddleware, IDisposable
{
    // Requests without an address share one budget rather than escaping the limit.
    private static readonly IPAddress UnknownClient = IPAddress.None;

    private readonly PartitionedRateLimiter<IPAddress> _limiter;

    public SignInRateLimitMiddleware(IOptions<SignInRateLimitOptions> options)
    {
        var (permitLimit, window) = (options.Value.PermitLimit, options.Value.Window);
        // A fixed window, because its refusals say when the budget returns (a sliding window's do not).
        // Idle partitions are dropped by the partitioned limiter, so memory follows active addresses.
        _limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 }));
    }

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        using (var lease = _limiter.AttemptAcquire(PartitionOf(ClientAddress.Of(context))))
        {
            if (!lease.IsAcquired)
                throw RateLimited(lease);
        }
        return next(context);
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>
    /// One budget per IPv4 address and per IPv6 /64: a device or household is given a whole /64 and
    /// could otherwise take a fresh address for every attempt.
    /// </summary>
    private static IPAddress PartitionOf(IPAddress? client)
    {
        if (client is null)
            return UnknownClient;
        if (client.IsIPv4MappedToIPv6)
            return client.MapToIPv4();
        if (client.AddressFamily != AddressFamily.InterNetworkV6)
            return client;
        Span<byte> prefix = stackalloc byte[16];
        client.TryWriteBytes(prefix, out _);
        prefix[8..].Clear();
        return new IPAddress(prefix);
    }

    private static ExecutionError RateLimited(RateLimitLease refusal)
    {
        // A fixed window's hint is the whole window, however much of it is left: the longest wait.
        if (!refusal.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            return ErrorCodes.Error(ErrorCodes.RateLimited, "Too many sign-in attempts from this network address; try again later.");
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var error = ErrorCodes.Error(ErrorCodes.RateLimited, $"Too many sign-in attempts from this network address; try again in {seconds} seconds.");
        error.AddExtension("retryAfterSeconds", seconds);
        return error;
    }
}
