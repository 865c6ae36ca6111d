namespace ETicket.Domain.Common;

public static class Clock
{
    /// <summary>
    /// Now in UTC, in whole milliseconds: what every provider stores exactly and every client
    /// (JavaScript's Date included) reads back exactly, so a time round-trips unchanged.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock) => Truncate(clock.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
