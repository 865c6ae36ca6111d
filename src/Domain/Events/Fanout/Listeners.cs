using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace ETicket.Domain.Events.Fanout;

/// <summary>The listeners of a fan-out; one that throws is logged and does not stop the others.</summary>
internal sealed class Listeners(ILogger logger)
{
    private ImmutableArray<ILiveEventListener> _all = [];

    public IDisposable Add(ILiveEventListener listener)
    {
        ImmutableInterlocked.Update(ref _all, static (list, l) => list.Add(l), listener);
        return new Removal(this, listener);
    }

    public void Each(Action<ILiveEventListener> action)
    {
        foreach (var listener in _all)
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

    private sealed class Removal(Listeners owner, ILiveEventListener listener) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref owner._all, static (list, l) => list.Remove(l), listener);
    }
}
