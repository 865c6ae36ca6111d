using System.Linq.Expressions;

namespace ETicket.Domain.Persistence.QueryEngine.Keyset;

/// <summary>
/// A total order for keyset paging: the requested keys, then the entity's id, which is unique, so
/// every row has exactly one place and a cursor names a position exactly.
/// </summary>
public sealed class Ordering<T>
{
    public Ordering(IReadOnlyList<SortKey<T>> keys, Expression<Func<T, string>> id, bool idDescending)
    {
        Keys = [.. keys, SortKey<T>.By("id", id, idDescending)];
        Signature = string.Join(",", Keys.Select(k => k.Name + (k.Descending ? ":desc" : ":asc")));
    }

    private Ordering(IReadOnlyList<SortKey<T>> keys, string signature) => (Keys, Signature) = (keys, signature);

    /// <summary>The keys in order; the last one is the id.</summary>
    public IReadOnlyList<SortKey<T>> Keys { get; }

    /// <summary>Names the ordering inside cursors, so a cursor from another ordering is refused.</summary>
    public string Signature { get; }

    /// <summary>Newest first by a time, the id breaking ties.</summary>
    public static Ordering<T> NewestFirst(Expression<Func<T, DateTimeOffset>> time, Expression<Func<T, string>> id) =>
        new([SortKey<T>.By("time", time, descending: true)], id, idDescending: true);

    private Func<T, string>? _cursor;

    /// <summary>A row's cursor in this ordering.</summary>
    internal Func<T, string> Cursor => _cursor ??= row => KeysetPaging.Encode(row, this);

    // The variants paging needs, each made once per ordering (orderings are long-lived: see ListingOrderings).
    private Ordering<T>? _reversed, _leadPresent, _withoutLead;

    /// <summary>Every key the other way (for paging backward); the signature stays the forward one's.</summary>
    public Ordering<T> Reversed() => _reversed ??= new([.. Keys.Select(k => k.Reversed())], Signature);

    /// <summary>This ordering among rows whose first key has a value.</summary>
    internal Ordering<T> LeadPresent() => _leadPresent ??= new([Keys[0].Present(), .. Keys.Skip(1)], Signature);

    /// <summary>This ordering among rows whose first key is null: the other keys decide.</summary>
    internal Ordering<T> WithoutLead() => _withoutLead ??= new([.. Keys.Skip(1)], Signature);
}
