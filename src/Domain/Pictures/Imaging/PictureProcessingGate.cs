namespace ETicket.Domain.Pictures.Imaging;

/// <summary>
/// How many pictures this process decodes at once (<see cref="PictureOptions.MaxConcurrentProcessing"/>): each
/// may hold ~200 MB while processed, so the rest wait their turn instead of adding up.
/// </summary>
public sealed class PictureProcessingGate
{
    private readonly SemaphoreSlim slots;
    private int waiting;

    public PictureProcessingGate(int capacity)
    {
        Capacity = Math.Max(1, capacity);
        slots = new SemaphoreSlim(Capacity, Capacity);
    }

    public int Capacity { get; }

    /// <summary>Callers waiting for a slot now.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Slots taken now.</summary>
    public int InUse => Capacity - slots.CurrentCount;

    /// <summary>Waits for a slot (cancelling the wait throws <see cref="OperationCanceledException"/>); disposing the result frees it.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref waiting);
        try
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
        return new Slot(slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
                slots.Release();
        }
    }
}
