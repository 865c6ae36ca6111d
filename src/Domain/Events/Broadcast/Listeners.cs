using ETicket.Domain.Common;
using Microsoft.Extensions.Logging;

namespace ETicket.Domain.Events.Broadcast;

/// <summary>The listeners of a broadcast; one that throws is logged and does not stop the others.</summary>
internal sealed class Listeners(ILogger logger)
{
    private readonly CopyOnWriteList<IBroadcastListener> _all = new();

    public IDisposable Add(IBroadcastListener listener) => _all.Add(listener);

    public void Each(Action<IBroadcastListener> action)
    {
        foreach (var listener in _all.All)
        {
            try
            {
                action(listener);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A live event listener failed");
            }
        }
    }
}
