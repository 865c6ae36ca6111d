using System.Threading.Channels;

namespace ETicket.Graph.Transport;

/// <summary>
/// The messages waiting for one connection's writer. Bounded, and adding never waits: event dispatch
/// serves every subscriber from one thread, so a client that stops reading must not hold it up.
/// When the queue is full the connection has fallen too far behind and is closed instead.
/// </summary>
public sealed class OutgoingQueue(int capacity)
{
    private readonly Channel<OutgoingMessage> _messages = Channel.CreateBounded<OutgoingMessage>(new BoundedChannelOptions(capacity)
    {
        FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping a message silently.
        SingleReader = true,
    });

    private int _overflowed;
    private bool _completed;

    /// <summary>Raised once, on the thread whose message did not fit.</summary>
    public event Action? Overflowed;

    public ChannelReader<OutgoingMessage> Reader => _messages.Reader;

    /// <summary>Queues the message; false when the queue is full (raising <see cref="Overflowed"/> once) or completed.</summary>
    public bool TryEnqueue(OutgoingMessage message)
    {
        if (_messages.Writer.TryWrite(message))
            return true;
        // Full, or completed because the connection is closing: only a full one overflowed.
        if (!Volatile.Read(ref _completed) && Interlocked.Exchange(ref _overflowed, 1) == 0)
            Overflowed?.Invoke();
        return false;
    }

    /// <summary>No more messages; the writer sends what is queued, then stops.</summary>
    public void Complete()
    {
        Volatile.Write(ref _completed, true);
        _messages.Writer.TryComplete();
    }
}
