using System.Reactive.Disposables;

namespace ETicket.Graph.Transport;

/// <summary>
/// Counts the signed-in streaming connections (WebSocket and SSE) each member holds open in this
/// process, so one account cannot hold an unbounded share of the server's sockets and subscriptions.
/// </summary>
public sealed class MemberConnections(Microsoft.Extensions.Options.IOptions<SubscriptionOptions> options)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Limit => options.Value.MaxConnectionsPerMember;

    /// <summary>A place for one more connection of <paramref name="memberId"/> (dispose it when the connection ends), or null at the limit.</summary>
    public IDisposable? TryOpen(string memberId)
    {
        lock (_open)
        {
            var count = _open.GetValueOrDefault(memberId);
            if (count >= Limit)
                return null;
            _open[memberId] = count + 1;
        }
        // Disposable.Create runs the release once, however often the place is disposed.
        return Disposable.Create((owner: this, memberId), static place => place.owner.Release(place.memberId));
    }

    private void Release(string memberId)
    {
        lock (_open)
        {
            if (_open.GetValueOrDefault(memberId) <= 1)
                _open.Remove(memberId);
            else
                _open[memberId]--;
        }
    }
}
