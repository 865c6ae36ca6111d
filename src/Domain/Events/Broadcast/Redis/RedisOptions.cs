namespace ETicket.Domain.Events.Broadcast.Redis;

/// <summary>Configuration <c>ETicket:Redis</c>. Set <see cref="Configuration"/> to fan events out through Redis.</summary>
public sealed class RedisOptions
{
    public const string Section = "ETicket:Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=...</c>. Unset: in-process broadcast.</summary>
    public string? Configuration { get; set; }

    /// <summary>The pub/sub channel the processes of one deployment share.</summary>
    public string Channel { get; set; } = "eticket:events";

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}
