using System.Collections.Immutable;

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
        return new Removal(this, item);
    }

    private sealed class Removal(Registrations<T> owner, T item) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                ImmutableInterlocked.Update(ref owner._all, static (list, i) => list.Remove(i), item);
        }
    }
}
