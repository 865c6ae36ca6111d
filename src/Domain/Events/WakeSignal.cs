namespace ETicket.Domain.Events;

/// <summary>
/// Wakes a background loop that otherwise sleeps until its next poll: signals given before it next
/// waits count as one (it rereads everything when it wakes, so nothing more is needed).
/// </summary>
public sealed class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Set()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already set.
        }
    }

    /// <summary>Until signalled or <paramref name="timeout"/> passes; true when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
