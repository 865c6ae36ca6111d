using System.Collections.Immutable;
using System.Reactive.Disposables;

namespace ETicket.Domain.Events;

/// <summary>
/// Who is registered (event handlers, live-event listeners), read without locks by whoever delivers:
/// an immutable list swapped on each change. Disposing a registration removes it, once.
/// </summary>
internal sealed class Registrations<T> where T : class
{
    private ImmutableArray<T> _all = [];

    public ImmutableArray<T> All => _all;

    public IDisposable Add(T item)
    {
        ImmutableInterlocked.Update(ref _all, static (list, i) => list.Add(i), item);
        return Disposable.Create((owner: this, item), static added => added.owner.Remove(added.item));
    }

    private void Remove(T item) => ImmutableInterlocked.Update(ref _all, static (list, i) => list.Remove(i), item);
}
