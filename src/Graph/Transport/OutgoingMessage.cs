namespace ETicket.Graph.Transport;

/// <summary>
/// One message to send, as up to three byte runs: the transport's framing around a body that may be
/// shared (a subscription result serialized once for every subscriber), so nothing is re-serialized.
/// </summary>
public readonly record struct OutgoingMessage(ReadOnlyMemory<byte> Head, ReadOnlyMemory<byte> Body = default, ReadOnlyMemory<byte> Tail = default)
{
    public int Length => Head.Length + Body.Length + Tail.Length;

    public void CopyTo(Span<byte> destination)
    {
        Head.Span.CopyTo(destination);
        Body.Span.CopyTo(destination[Head.Length..]);
        Tail.Span.CopyTo(destination[(Head.Length + Body.Length)..]);
    }
}
