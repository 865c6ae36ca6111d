using System.Threading.Channels;

namespace ETicket.Tests.Transport.Streaming;

/// <summary>Reading what a test client received, with a deadline: the WebSocket and SSE clients both do.</summary>
internal static class ChannelReads
{
    /// <summary>
    /// The next item; null and <c>TimedOut</c> when none came within <paramref name="wait"/>, null alone
    /// when the channel completed (the socket closed, the response ended).
    /// </summary>
    public static async Task<(T? Item, bool TimedOut)> ReadWithinAsync<T>(this ChannelReader<T> reader, TimeSpan wait)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            return (await reader.WaitToReadAsync(timeout.Token) && reader.TryRead(out var item) ? item : null, false);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return (null, true);
        }
    }
}
