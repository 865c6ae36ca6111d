using ETicket.Domain.Common;
using Microsoft.Extensions.Logging;

namespace ETicket.Domain.Events.Fanout;

/// <summary>The listeners of a fan-out; one that throws is logged and does not stop the others.</summary>
internal sealed class Listeners(ILogger logger)
{
    private readonly CopyOnWriteList<ILiveEventListener> _all = new();

    public IDisposable Add(ILiveEventListener listener) => _all.Add(listener);

    public void Each(Action<ILiveEventListener> action)
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
