using System.Linq.Expressions;

namespace ETicket.Domain.Persistence.QueryEngine.Keyset;

/// <summary>
/// One read of a keyset page: the first <paramref name="Take"/> rows of <paramref name="Segment"/>
/// (all rows when null) strictly after <paramref name="After"/> (from the start when null), in
/// <paramref name="Order"/>. <paramref name="Segment"/> and <paramref name="Order"/> are long-lived
/// objects (the lead key's null tests, cached orderings), so a source may key compiled queries by them.
/// </summary>
public sealed record KeysetWindow<T>(Expression<Func<T, bool>>? Segment, Ordering<T> Order, object?[]? After, int Take)
{
    /// <summary>Which cursor values are null (bit i for key i), or -1 without a cursor: with the order and segment, what decides the SQL.</summary>
    public int AfterShape
    {
        get
        {
            if (After is null)
                return -1;
            var nulls = 0;
            for (var i = 0; i < After.Length; i++)
            {
                if (After[i] is null)
                    nulls |= 1 << i;
            }
            return nulls;
        }
    }

    /// <summary>The window over a LINQ query: filtered by segment and cursor, ordered, limited.</summary>
    public IQueryable<T> Apply(IQueryable<T> items)
    {
        var rows = Segment is null ? items : items.Where(Segment);
        if (After is not null)
            rows = rows.Where(KeysetPredicates.After(Order, After));
        return KeysetPredicates.OrderBy(rows, Order).Take(Take);
    }
}
