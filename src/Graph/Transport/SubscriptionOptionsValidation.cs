using Microsoft.Extensions.Options;

namespace ETicket.Graph.Transport;

/// <summary>Refuses, at start, settings that would make the streaming transports unusable.</summary>
public sealed class SubscriptionOptionsValidation : IValidateOptions<SubscriptionOptions>
{
    public ValidateOptionsResult Validate(string? name, SubscriptionOptions options)
    {
        var problems = new List<string>();
        foreach (var (key, value) in new[]
        {
            (nameof(options.ConnectionInitTimeout), options.ConnectionInitTimeout), (nameof(options.KeepAliveInterval), options.KeepAliveInterval),
            (nameof(options.KeepAliveTimeout), options.KeepAliveTimeout), (nameof(options.CloseTimeout), options.CloseTimeout),
        })
        {
            if (value <= TimeSpan.Zero)
                problems.Add($"{key} must be longer than zero.");
        }
        if (options.PingInterval < TimeSpan.Zero)
            problems.Add($"{nameof(options.PingInterval)} cannot be negative (zero sends no pings).");
        foreach (var (key, value) in new[]
        {
            (nameof(options.MaxQueuedMessages), options.MaxQueuedMessages), (nameof(options.MaxSubscriptionsPerConnection), options.MaxSubscriptionsPerConnection),
            (nameof(options.MaxConnectionsPerMember), options.MaxConnectionsPerMember),
            (nameof(options.MaxSubscriptionsPerProxyConnection), options.MaxSubscriptionsPerProxyConnection),
            (nameof(options.MaxQueuedMessagesPerProxyConnection), options.MaxQueuedMessagesPerProxyConnection),
        })
        {
            if (value < 1)
                problems.Add($"{key} must be at least 1.");
        }
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => $"{SubscriptionOptions.Section}: {p}"));
    }
}
