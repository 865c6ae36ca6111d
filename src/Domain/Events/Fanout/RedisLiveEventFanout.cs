using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ETicket.Domain.Events.Fanout;

/// <summary>
/// Fan-out through one Redis pub/sub channel shared by every process of a deployment. Messages are
/// read through a <see cref="ChannelMessageQueue"/>, which keeps their order (callback handlers may
/// not). Redis is needed for live updates only: the process starts and serves queries without it,
/// tells its listeners when the connection is lost, and resumes when it is back.
/// </summary>
public sealed class RedisLiveEventFanout(IOptions<RedisOptions> options, ILogger<RedisLiveEventFanout> logger)
    : ILiveEventFanout, IHostedService, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Listeners _listeners = new(logger);
    private readonly CancellationTokenSource _stopping = new();
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.Channel);
    private ConnectionMultiplexer? _redis;
    private ChannelMessageQueue? _queue;
    private Task _subscribing = Task.CompletedTask;
    private int _available;

    public bool IsAvailable => Volatile.Read(ref _available) == 1;

    public IDisposable Listen(ILiveEventListener listener) => _listeners.Add(listener);

    public async Task BroadcastAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (_redis is null || !IsAvailable)
            throw new LiveEventsUnavailableException("Redis is unreachable: the event was not broadcast to live subscribers.");
        await _redis.GetSubscriber().PublishAsync(_channel, JsonSerializer.Serialize(envelope, Json));
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Configuration!);
        // Start even while Redis is down: queries and mutations do not need it. It reconnects by itself.
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "eticket";
        _redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        _redis.ConnectionFailed += (_, e) => SetAvailable(false, $"{e.FailureType} ({e.ConnectionType} connection to {e.EndPoint})");
        _redis.ConnectionRestored += (_, _) =>
        {
            if (_queue is not null && _redis.GetSubscriber().IsConnected(_channel))
                SetAvailable(true, null);
        };
        _subscribing = SubscribeUntilDoneAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _subscribing.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping before Redis ever answered.
        }
        if (_queue is not null)
            await _queue.UnsubscribeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        if (_redis is not null)
            await _redis.DisposeAsync();
    }

    /// <summary>Subscribes once Redis answers; until then the process runs without live updates.</summary>
    private async Task SubscribeUntilDoneAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var queue = await _redis!.GetSubscriber().SubscribeAsync(_channel);
                queue.OnMessage(message => Deliver(message.Message));
                _queue = queue;
                SetAvailable(_redis.GetSubscriber().IsConnected(_channel), "not connected");
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Redis is unreachable, live updates wait for it: {Reason}", ex.Message);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    private void Deliver(RedisValue message)
    {
        EventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<EventEnvelope>(message.ToString(), Json);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a message on {Channel} that is not an event", options.Value.Channel);
            return;
        }
        if (envelope is not null)
            _listeners.Each(listener => listener.OnEvent(envelope));
    }

    private void SetAvailable(bool available, string? reason)
    {
        if (Interlocked.Exchange(ref _available, available ? 1 : 0) == (available ? 1 : 0))
            return;
        if (available)
        {
            logger.LogInformation("Live updates resumed: Redis is reachable again");
            _listeners.Each(listener => listener.OnResumed());
        }
        else
        {
            logger.LogWarning("Live updates interrupted: {Reason}", reason);
            _listeners.Each(listener => listener.OnInterrupted(reason ?? "Redis is unreachable"));
        }
    }
}

/// <summary>The fan-out cannot carry events right now.</summary>
public sealed class LiveEventsUnavailableException(string message) : Exception(message);
