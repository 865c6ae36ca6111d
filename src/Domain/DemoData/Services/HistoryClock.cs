namespace ETicket.Domain.DemoData.Services;

/// <summary>
/// The seed command's clock: the system's, except while <see cref="HistoryReplay"/> replays a step
/// of the demo's past, when it reads the moment of that step. The platform's services take the time
/// from it, so an order placed "three weeks ago" gets the deadlines, ledger entries and events it
/// would have got then.
/// </summary>
public sealed class HistoryClock : TimeProvider
{
    private DateTimeOffset? replaying;

    public override DateTimeOffset GetUtcNow() => replaying ?? TimeProvider.System.GetUtcNow();

    /// <summary>From now on the clock reads <paramref name="moment"/>, until <see cref="Resume"/>.</summary>
    public void Stop(DateTimeOffset moment) => replaying = moment;

    /// <summary>Back to the system's time.</summary>
    public void Resume() => replaying = null;
}
