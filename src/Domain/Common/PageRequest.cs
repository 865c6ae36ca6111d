namespace ETicket.Domain.Common;

/// <summary>A Relay page request: either <c>first</c>/<c>after</c> forward or <c>last</c>/<c>before</c> backward.</summary>
public sealed record PageRequest(int? First = null, string? After = null, int? Last = null, string? Before = null)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    /// <summary>
    /// Longer than any cursor this API gives out (four sort keys, a 100-character title among them),
    /// so a forged one cannot carry a huge value into the query.
    /// </summary>
    public const int MaxCursorLength = 2048;

    public bool Backward => Last is not null || (Before is not null && First is null);
    public int Size => (Backward ? Last : First) ?? DefaultSize;

    /// <summary>Refuses counts and combinations that have no sensible answer.</summary>
    public PageRequest Validated()
    {
        if (First is not null && Last is not null)
            throw new BadInputException("Ask for either `first` or `last`, not both.");
        if (After is not null && Before is not null)
            throw new BadInputException("Page with either `after` or `before`, not both.");
        if (First is not null && Before is not null || Last is not null && After is not null)
            throw new BadInputException("`first` pages forward from `after`; `last` pages backward from `before`.");
        foreach (var (name, cursor) in new[] { ("after", After), ("before", Before) })
        {
            if (cursor?.Length > MaxCursorLength)
                throw new BadInputException($"`{name}` is not a cursor this API gave out.");
        }
        foreach (var (name, value) in new[] { ("first", First), ("last", Last) })
        {
            if (value is < 0)
                throw new BadInputException($"`{name}` cannot be negative.");
            if (value > MaxSize)
                throw new BadInputException($"`{name}` can be at most {MaxSize}.");
        }
        return this;
    }
}
