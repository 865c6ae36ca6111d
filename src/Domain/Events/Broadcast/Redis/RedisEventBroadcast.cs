using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ETicket.Domain.Events.Broadcast.Redis;

/// <summary>
/// Fan-out through one Redis pub/sub channel shared by every process of a deployment. Messages are
/// read through one <see cref="ChannelMessageQueue"/> for the life of the process, which keeps their
/// order (callback handlers may not). Redis is needed for live updates only: the process starts and
/// serves queries without it, tells its listeners when the connection is lost, and resumes when it
/// is back.
/// </summary>
/// <remarks>
/// <para>
/// Available means subscribed: the multiplexer re-subscribes the queue after every reconnection, but
/// it raises <c>ConnectionRestored</c> when a socket is up, before Redis confirmed the SUBSCRIBE (and,
/// with RESP2, once for each of its two connections). A broadcast in between would be lost to this
/// process, so <see cref="IsAvailable"/> turns true only once the subscription is confirmed
/// (<see cref="ISubscriber.SubscribedEndpoint"/>); a watcher checks that after every restored
/// connection, and every second anyway. It turns false at once when a connection fails.
/// </para>
/// <para>
/// Commands fail fast while Redis is unreachable (<see cref="BacklogPolicy.FailFast"/>): a broadcast
/// then throws at once instead of waiting in a backlog and arriving after its subscribers were told
/// the stream broke.
/// </para>
/// </remarks>
public sealed class RedisEventBroadcast(IOptions<RedisOptions> options, ILogger<RedisEventBroadcast> logger)
    : IEventBroadcast, IHostedService, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How long a start waits for Redis before it goes on without live updates.</summary>
    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(2);

    /// <summary>How often the subscription is checked while live updates are off (restoring takes a round trip).</summary>
    private static readonly TimeSpan RecoveringCheck = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the subscription is checked while live updates are on (failures are also reported at once).</summary>
    private static readonly TimeSpan HealthyCheck = TimeSpan.FromSeconds(1);

    /// <summary>Connected but still not subscribed after this long: Redis refused the SUBSCRIBE; try it again and say why.</summary>
    private static readonly TimeSpan UnconfirmedSubscriptionLimit = TimeSpan.FromSeconds(5);

    private readonly Listeners _listeners = new(logger);
    private readonly CancellationTokenSource _stopping = new();
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.Channel);
    private readonly Lock _gate = new();
    private readonly WakeSignal _wake = new();
    private readonly TaskCompletionSource _firstAvailable = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<IConnectionMultiplexer> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectionMultiplexer? _redis;
    private ChannelMessageQueue? _queue;
    private Task _watching = Task.CompletedTask;
    private bool _available;
    private bool _stopped;
    private int _disposed;

    public bool IsAvailable => Volatile.Read(ref _available);

    /// <summary>
    /// The process's connection to Redis, null until the first connect returns (it returns while Redis
    /// is down too, and reconnects by itself). Health checks ping through it instead of opening their own.
    /// </summary>
    public IConnectionMultiplexer? Connection => Volatile.Read(ref _redis);

    /// <summary>Completes with <see cref="Connection"/> when the first connect returns, e.g. for tracing to attach to it.</summary>
    public Task<IConnectionMultiplexer> Connected => _connected.Task;

    public IDisposable Listen(IBroadcastListener listener) => _listeners.Add(listener);

    public async Task BroadcastAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var redis = _redis;
        if (redis is null || !IsAvailable)
            throw new BroadcastUnavailableException("Redis is unreachable: the event was not broadcast to live subscribers.");
        await redis.GetSubscriber().PublishAsync(_channel, JsonSerializer.Serialize(envelope, Json)).WaitAsync(cancellationToken);
    }

    /// <summary>Connects in the background; waits a moment for Redis, so a healthy start serves subscriptions at once.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Configuration!);
        // Start even while Redis is down: queries and mutations do not need it. It reconnects by itself.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName ??= "eticket";
        _watching = WatchAsync(configuration, _stopping.Token);
        await Task.WhenAny(_firstAvailable.Task, Task.Delay(StartupWait, cancellationToken));
    }

    /// <summary>
    /// Stops listening. The connection stays open until disposal: the outbox relay stops after this
    /// service, and what it hands over until then is still broadcast to the other processes.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stopping is not an interruption: listeners hear nothing more.
        lock (_gate)
            _stopped = true;
        await _stopping.CancelAsync();
        await _watching.WaitAsync(cancellationToken);
        if (_queue is { } queue)
        {
            try
            {
                await queue.UnsubscribeAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Redis is gone anyway; closing the connection ends the subscription.
            }
        }
    }

    // The container disposes it once per registration that hands it out (the broadcast, the hosted service).
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        lock (_gate)
            _stopped = true;
        await _stopping.CancelAsync();
        await _watching;
        if (_redis is { } redis)
        {
            redis.ConnectionFailed -= OnConnectionFailed;
            redis.ConnectionRestored -= OnConnectionRestored;
            await redis.DisposeAsync();
        }
        _stopping.Dispose();
    }

    /// <summary>Connects, subscribes once Redis answers, and keeps <see cref="IsAvailable"/> true exactly while subscribed.</summary>
    private async Task WatchAsync(ConfigurationOptions configuration, CancellationToken cancellationToken)
    {
        try
        {
            var redis = await ConnectAsync(configuration, cancellationToken);
            DateTimeOffset? unconfirmedSince = null;
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    var subscriber = redis.GetSubscriber();
                    if (_queue is null && subscriber.IsConnected(_channel))
                        _queue = await TrySubscribeAsync(subscriber);
                    var subscribed = Check(redis);
                    unconfirmedSince = subscribed || !subscriber.IsConnected(_channel) ? null : unconfirmedSince ?? DateTimeOffset.UtcNow;
                    if (unconfirmedSince is { } since && DateTimeOffset.UtcNow - since > UnconfirmedSubscriptionLimit && _queue is { } stale)
                    {
                        // Connected, but the multiplexer's own re-subscription was not confirmed: subscribe
                        // again, awaiting the answer this time, so a refusal is logged with its reason.
                        logger.LogWarning("Redis is connected but has not confirmed the subscription to {Channel}; subscribing again", options.Value.Channel);
                        _queue = null;
                        await UnsubscribeAsync(stale);
                        unconfirmedSince = null;
                        continue;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Checking the Redis subscription failed");
                }
                await WaitForChangeAsync(IsAvailable ? HealthyCheck : RecoveringCheck, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // Returns after the connect timeout even when Redis is down, and keeps reconnecting.
                var redis = await ConnectionMultiplexer.ConnectAsync(configuration).WaitAsync(cancellationToken);
                redis.ConnectionFailed += OnConnectionFailed;
                redis.ConnectionRestored += OnConnectionRestored;
                _redis = redis;
                _connected.TrySetResult(redis);
                if (!redis.IsConnected)
                    logger.LogWarning("Redis ({Endpoints}) is unreachable; live updates wait for it", string.Join(", ", configuration.EndPoints));
                return redis;
            }
            catch (Exception ex) when (ex is RedisException or System.Net.Sockets.SocketException or ArgumentException)
            {
                logger.LogWarning("Connecting to Redis failed, retrying: {Reason}", ex.Message);
                await Task.Delay(HealthyCheck, cancellationToken);
            }
        }
    }

    /// <summary>Subscribes the process's queue; null when Redis did not confirm it (checked again shortly).</summary>
    private async Task<ChannelMessageQueue?> TrySubscribeAsync(ISubscriber subscriber)
    {
        try
        {
            var queue = await subscriber.SubscribeAsync(_channel);
            queue.OnMessage(message => Deliver(message.Message));
            return queue;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Subscribing to Redis channel {Channel} failed, retrying: {Reason}", options.Value.Channel, ex.Message);
            // The failed call left its queue registered with the multiplexer, which would subscribe it
            // again after the next reconnection and fill it with every message, unread. Remove it
            // (this process's multiplexer has no other subscriber on the channel).
            try
            {
                await subscriber.UnsubscribeAsync(_channel);
            }
            catch (Exception cleanup) when (cleanup is RedisException or TimeoutException)
            {
                // Not subscribed on the server; the local registration is gone all the same.
            }
            return null;
        }
    }

    private static async Task UnsubscribeAsync(ChannelMessageQueue queue)
    {
        try
        {
            await queue.UnsubscribeAsync();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Removed locally all the same.
        }
    }

    /// <summary>Sets <see cref="IsAvailable"/> from the multiplexer's state; true when subscribed.</summary>
    private bool Check(ConnectionMultiplexer redis)
    {
        lock (_gate)
        {
            var subscriber = redis.GetSubscriber();
            // SubscribedEndpoint is set when Redis confirms the SUBSCRIBE and cleared when its connection drops.
            var subscribed = _queue is not null && subscriber.SubscribedEndpoint(_channel) is not null && subscriber.IsConnected(_channel);
            SetAvailable(subscribed, $"the subscription to Redis channel '{options.Value.Channel}' was lost");
            return subscribed;
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        lock (_gate)
            SetAvailable(false, $"{e.FailureType} ({e.ConnectionType} connection to {e.EndPoint})");
        Wake();
    }

    // A socket is up again; the watcher turns live updates on once Redis confirmed the subscription.
    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => Wake();

    private void Wake() => _wake.Set();

    private async Task WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _wake.WaitAsync(timeout, cancellationToken);

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

    /// <summary>Under <see cref="_gate"/>: one transition at a time, so listeners hear them in order.</summary>
    private void SetAvailable(bool available, string reason)
    {
        if (_stopped || _available == available)
            return;
        Volatile.Write(ref _available, available);
        if (available)
        {
            logger.LogInformation("Live updates on: subscribed to Redis channel {Channel}", options.Value.Channel);
            _listeners.Each(listener => listener.OnResumed());
            // Last: a start waiting for it returns, and its listeners come, after this transition.
            _firstAvailable.TrySetResult();
        }
        else
        {
            logger.LogWarning("Live updates interrupted: {Reason}", reason);
            _listeners.Each(listener => listener.OnInterrupted(reason));
        }
    }
}
