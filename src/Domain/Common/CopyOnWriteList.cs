using System.Collections.Immutable;
using System.Reactive.Disposables;

namespace ETicket.Domain.Common;

/// <summary>
/// A list read without locks by whoever delivers to its items (event handlers, broadcast listeners):
/// an immutable array swapped on each change. Disposing what <see cref="Add"/> returned removes the item, once.
/// </summary>
internal sealed class CopyOnWriteList<T> where T : class
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
