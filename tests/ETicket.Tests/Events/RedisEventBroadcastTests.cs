using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using ETicket.Domain.Events;
using ETicket.Domain.Events.Broadcast;
using ETicket.Domain.Events.Broadcast.Redis;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace ETicket.Tests.Events;

/// <summary>
/// <see cref="RedisEventBroadcast"/> against a real Redis. Each fan-out has a connection of its own,
/// as each process of a deployment has, so three of them in one test are three processes.
/// </summary>
public sealed class RedisEventBroadcastTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Events_broadcast_by_one_process_reach_the_listeners_of_every_process_in_order()
    {
        var redis = TestRedis.AddressOrSkip();
        var channel = TestRedis.UniqueChannel();
        await using var relaying = await StartedFanoutAsync(redis, channel);
        await using var second = await StartedFanoutAsync(redis, channel);
        await using var third = await StartedFanoutAsync(redis, channel);
        var listeners = new[] { relaying, second, third }.Select(fanout => fanout.Listener()).ToList();
        Assert.All(new[] { relaying, second, third }, fanout => Assert.True(fanout.Fanout.IsAvailable));

        const int Count = 1000;
        for (var sequence = 1; sequence <= Count; sequence++)
            await relaying.Fanout.BroadcastAsync(Envelope(sequence), TestContext.Current.CancellationToken);

        foreach (var listener in listeners)
        {
            var received = await listener.EventsAsync(Count);
            Assert.Equal(Enumerable.Range(1, Count).Select(i => (long)i), received.Select(e => e.Sequence));
            Assert.Equal(Envelope(17), received[16]);
        }
        // Each event once: nothing follows.
        foreach (var listener in listeners)
            await listener.NoEventWithinAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task A_process_started_while_Redis_is_down_starts_and_hears_broadcasts_once_Redis_is_up()
    {
        await using var redis = RedisServerProcess.NotStarted();
        var channel = TestRedis.UniqueChannel();

        await using var waiting = await StartedFanoutAsync(redis.Configuration, channel);
        var listener = waiting.Listener();
        Assert.False(waiting.Fanout.IsAvailable);
        await Assert.ThrowsAsync<BroadcastUnavailableException>(() => waiting.Fanout.BroadcastAsync(Envelope(1), CancellationToken.None));
        // Down for a while: several reconnection attempts, none of which may leave a second reader behind.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        await redis.StartAsync();
        Assert.Equal(Signal.Resumed, await listener.NextSignalAsync());
        Assert.True(waiting.Fanout.IsAvailable);
        await using var relaying = await StartedFanoutAsync(redis.Configuration, channel);
        for (var sequence = 1; sequence <= 50; sequence++)
            await relaying.Fanout.BroadcastAsync(Envelope(sequence), CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), (await listener.EventsAsync(50)).Select(e => e.Sequence));
        await listener.NoEventWithinAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task When_Redis_dies_listeners_are_interrupted_and_broadcasts_fail_and_when_it_is_back_they_resume_and_events_flow_once()
    {
        await using var redis = await RedisServerProcess.StartedAsync();
        var channel = TestRedis.UniqueChannel();
        await using var relaying = await StartedFanoutAsync(redis.Configuration, channel);
        await using var other = await StartedFanoutAsync(redis.Configuration, channel);
        var (own, remote) = (relaying.Listener(), other.Listener());
        await relaying.Fanout.BroadcastAsync(Envelope(1), CancellationToken.None);
        Assert.Equal(1, (await remote.EventsAsync(1)).Single().Sequence);
        Assert.Equal(1, (await own.EventsAsync(1)).Single().Sequence);

        var sequence = 1;
        // Twice: a second outage must find one subscription, not one per earlier attempt.
        for (var outage = 1; outage <= 2; outage++)
        {
            await redis.KillAsync();
            Assert.Equal(Signal.Interrupted, await remote.NextSignalAsync());
            Assert.Equal(Signal.Interrupted, await own.NextSignalAsync());
            Assert.False(other.Fanout.IsAvailable);
            Assert.False(relaying.Fanout.IsAvailable);
            await Assert.ThrowsAsync<BroadcastUnavailableException>(() => relaying.Fanout.BroadcastAsync(Envelope(++sequence), CancellationToken.None));

            // The relaying process's consumer logs the loss and carries on: the relay must not stall on Redis.
            var logs = new FakeLogger<BroadcastCommittedEvents>();
            var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
            var broadcast = new BroadcastCommittedEvents(bus, relaying.Fanout, logs);
            await broadcast.StartingAsync(CancellationToken.None);
            await bus.PublishAsync(Envelope(++sequence), CancellationToken.None);
            var warning = Assert.Single(logs.Collector.GetSnapshot());
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains($"#{sequence}", warning.Message);
            await broadcast.StoppedAsync(CancellationToken.None);

            await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
            await redis.StartAsync();
            Assert.Equal(Signal.Resumed, await remote.NextSignalAsync());
            Assert.Equal(Signal.Resumed, await own.NextSignalAsync());
            await WaitUntilAsync(() => relaying.Fanout.IsAvailable && other.Fanout.IsAvailable);

            var first = sequence + 1;
            for (var i = 0; i < 100; i++)
                await relaying.Fanout.BroadcastAsync(Envelope(++sequence), CancellationToken.None);
            foreach (var listener in new[] { remote, own })
            {
                // Nothing from the outage (those events were never broadcast), then each new one once, in order.
                Assert.Equal(Enumerable.Range(first, 100).Select(i => (long)i), (await listener.EventsAsync(100)).Select(e => e.Sequence));
                await listener.NoEventWithinAsync(TimeSpan.FromMilliseconds(300));
            }
        }
    }

    [Fact]
    public async Task Losing_only_the_subscription_connection_interrupts_and_resuming_waits_until_Redis_confirmed_the_subscription()
    {
        await using var redis = await RedisServerProcess.StartedAsync();
        var channel = TestRedis.UniqueChannel();
        await using var listening = await StartedFanoutAsync(redis.Configuration, channel);
        var listener = listening.Listener();
        using var admin = await RawRedisClient.ConnectAsync(redis.Port);
        using var publisher = await RawRedisClient.ConnectAsync(redis.Port);

        // Published by another client the moment the listener hears it resumed: it must arrive, so
        // resumed has to mean subscribed again, not merely reconnected.
        var resumedThenPublished = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.OnResumedDo = () => resumedThenPublished.TrySetResult(publisher.Command("PUBLISH", channel, Encoding.UTF8.GetString(
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Envelope(7), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)))));

        // RESP2: the fan-out's pub/sub runs on a connection of its own, which Redis now closes alone.
        Assert.StartsWith(":", await admin.CommandAsync("CLIENT", "KILL", "TYPE", "pubsub"));
        Assert.Equal(Signal.Interrupted, await listener.NextSignalAsync());
        Assert.Equal(Signal.Resumed, await listener.NextSignalAsync());
        Assert.Equal(":1", await resumedThenPublished.Task.WaitAsync(Patience, TestContext.Current.CancellationToken));
        Assert.Equal(7, (await listener.EventsAsync(1)).Single().Sequence);
    }

    [Fact]
    public async Task A_subscription_Redis_refused_on_reconnection_is_made_again_once_Redis_allows_it()
    {
        await using var redis = await RedisServerProcess.StartedAsync();
        var channel = TestRedis.UniqueChannel();
        await using var listening = await StartedFanoutAsync(redis.Configuration, channel);
        var listener = listening.Listener();
        using var admin = await RawRedisClient.ConnectAsync(redis.Port);

        // Taking pub/sub rights away disconnects the subscriber; the multiplexer reconnects at once,
        // and its re-subscription is refused (NOPERM) on a connection that is otherwise fine.
        Assert.Equal("+OK", await admin.CommandAsync("ACL", "SETUSER", "default", "resetchannels"));
        Assert.Equal(Signal.Interrupted, await listener.NextSignalAsync());
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.False(listening.Fanout.IsAvailable);

        Assert.Equal("+OK", await admin.CommandAsync("ACL", "SETUSER", "default", "allchannels"));
        Assert.Equal(Signal.Resumed, await listener.NextSignalAsync());
        await using var relaying = await StartedFanoutAsync(redis.Configuration, channel);
        await relaying.Fanout.BroadcastAsync(Envelope(1), CancellationToken.None);
        Assert.Equal(1, (await listener.EventsAsync(1)).Single().Sequence);
    }

    private static EventEnvelope Envelope(long sequence) =>
        new(sequence, nameof(ListingPublished), $$"""{"type":"ListingPublished","listingId":"listing-{{sequence}}","sellerId":"s","category":"Concert","city":"上海"}""",
            new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero).AddMilliseconds(sequence));

    private static async Task<StartedFanout> StartedFanoutAsync(string configuration, string channel)
    {
        var fanout = new RedisEventBroadcast(Options.Create(new RedisOptions { Configuration = configuration, Channel = channel }),
            NullLogger<RedisEventBroadcast>.Instance);
        await fanout.StartAsync(CancellationToken.None).WaitAsync(Patience);
        return new StartedFanout(fanout);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private sealed class StartedFanout(RedisEventBroadcast fanout) : IAsyncDisposable
    {
        private readonly List<IDisposable> _listening = [];

        public RedisEventBroadcast Fanout { get; } = fanout;

        public RecordingListener Listener()
        {
            var listener = new RecordingListener();
            _listening.Add(Fanout.Listen(listener));
            return listener;
        }

        public async ValueTask DisposeAsync()
        {
            _listening.ForEach(listening => listening.Dispose());
            await Fanout.StopAsync(CancellationToken.None);
            await Fanout.DisposeAsync();
        }
    }

    private enum Signal { Interrupted, Resumed }

    /// <summary>Records what a fan-out hands a listener.</summary>
    private sealed class RecordingListener : IBroadcastListener
    {
        private readonly Channel<EventEnvelope> _events = Channel.CreateUnbounded<EventEnvelope>();
        private readonly Channel<Signal> _signals = Channel.CreateUnbounded<Signal>();

        /// <summary>Runs inside <see cref="IBroadcastListener.OnResumed"/>, before it returns.</summary>
        public Action? OnResumedDo { get; set; }

        public void OnEvent(EventEnvelope envelope) => _events.Writer.TryWrite(envelope);

        public void OnInterrupted(string reason)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason));
            _signals.Writer.TryWrite(Signal.Interrupted);
        }

        public void OnResumed()
        {
            OnResumedDo?.Invoke();
            _signals.Writer.TryWrite(Signal.Resumed);
        }

        public async Task<Signal> NextSignalAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(Patience);
            return await _signals.Reader.ReadAsync(timeout.Token);
        }

        public async Task<List<EventEnvelope>> EventsAsync(int count)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(Patience);
            var received = new List<EventEnvelope>();
            try
            {
                while (received.Count < count)
                    received.Add(await _events.Reader.ReadAsync(timeout.Token));
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Expected {count} events, got {received.Count}: {string.Join(", ", received.Select(e => e.Sequence))}");
            }
            return received;
        }

        public async Task NoEventWithinAsync(TimeSpan quiet)
        {
            await Task.Delay(quiet, TestContext.Current.CancellationToken);
            Assert.False(_events.Reader.TryRead(out var unexpected), $"Unexpected event #{unexpected?.Sequence}");
            Assert.False(_signals.Reader.TryRead(out var signal), $"Unexpected {signal}");
        }
    }

    /// <summary>A plain RESP client on a socket of its own, for commands the fan-out does not send.</summary>
    private sealed class RawRedisClient : IDisposable
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _stream;

        private RawRedisClient(TcpClient client)
        {
            _client = client;
            _stream = client.GetStream();
        }

        public static async Task<RawRedisClient> ConnectAsync(int port)
        {
            var client = new TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
            return new RawRedisClient(client);
        }

        public Task<string> CommandAsync(params string[] arguments) => Task.Run(() => Command(arguments));

        /// <summary>Sends the command and returns the first line of the reply (e.g. <c>:1</c>, <c>+OK</c>).</summary>
        public string Command(params string[] arguments)
        {
            var command = new StringBuilder($"*{arguments.Length}\r\n");
            foreach (var argument in arguments)
                command.Append($"${Encoding.UTF8.GetByteCount(argument)}\r\n{argument}\r\n");
            _stream.Write(Encoding.UTF8.GetBytes(command.ToString()));
            var reply = new List<byte>();
            while (reply.Count < 2 || reply[^2] != '\r' || reply[^1] != '\n')
            {
                var next = _stream.ReadByte();
                if (next < 0)
                    throw new IOException("Redis closed the connection.");
                reply.Add((byte)next);
            }
            return Encoding.UTF8.GetString(reply.ToArray(), 0, reply.Count - 2);
        }

        public void Dispose() => _client.Dispose();
    }
}
