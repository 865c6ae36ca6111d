using System.Globalization;
using System.Linq.Expressions;

namespace ETicket.Domain.Persistence.QueryEngine.Keyset;

/// <summary>
/// One key of an ordering: what to sort by, which way, and how its values travel in a cursor.
/// Nullable keys sort their nulls last in both directions.
/// </summary>
public sealed class SortKey<T>
{
    private SortKey(string name, LambdaExpression selector, Type keyType, bool descending, bool isNullable, bool nullsLast, Func<T, object?>? valueOf = null)
    {
        Name = name;
        Selector = selector;
        KeyType = keyType;
        Descending = descending;
        IsNullable = isNullable;
        NullsLast = nullsLast;
        ValueType = Nullable.GetUnderlyingType(keyType) ?? keyType;
        // Compiling costs a dynamic method (JIT, then finalization) each time: once per key, shared by
        // its reversed and present variants; orderings are built once and reused (ListingOrderings).
        ValueOf = valueOf ?? Expression.Lambda<Func<T, object?>>(Expression.Convert(selector.Body, typeof(object)), selector.Parameters).Compile();
        IsNull = isNullable ? Expression.Lambda<Func<T, bool>>(Expression.Equal(selector.Body, Expression.Constant(null, keyType)), selector.Parameters) : null;
        IsNotNull = IsNull is null ? null : KeysetPredicates.Not(IsNull);
    }

    public string Name { get; }
    public LambdaExpression Selector { get; }
    public Type KeyType { get; }
    public bool Descending { get; }
    public bool IsNullable { get; }

    /// <summary>Where nulls go: last in every ordering a client asks for; first only when walking one backward.</summary>
    public bool NullsLast { get; }

    /// <summary>The key's type without Nullable: string, decimal or DateTimeOffset.</summary>
    public Type ValueType { get; }

    public Func<T, object?> ValueOf { get; }

    /// <summary>"The key is null", for nullable keys.</summary>
    public Expression<Func<T, bool>>? IsNull { get; }

    /// <summary>"The key has a value", for nullable keys.</summary>
    public Expression<Func<T, bool>>? IsNotNull { get; }

    /// <param name="nullable">For string keys, whether the column holds nulls (value types say it themselves).</param>
    public static SortKey<T> By<TKey>(string name, Expression<Func<T, TKey>> selector, bool descending, bool nullable = false)
    {
        var valueType = Nullable.GetUnderlyingType(typeof(TKey)) ?? typeof(TKey);
        if (valueType != typeof(string) && valueType != typeof(decimal) && valueType != typeof(DateTimeOffset))
            throw new ArgumentException($"Keys of type {typeof(TKey).Name} cannot travel in a cursor.", nameof(selector));
        return new SortKey<T>(name, selector, typeof(TKey), descending, nullable || valueType != typeof(TKey), nullsLast: true);
    }

    /// <summary>The same key walked the other way: the direction and the place of nulls flip.</summary>
    public SortKey<T> Reversed() => new(Name, Selector, KeyType, !Descending, IsNullable, !NullsLast, ValueOf);

    /// <summary>The same key over rows known to have a value (no "is null" ordering or comparison).</summary>
    public SortKey<T> Present() => new(Name, Selector, KeyType, Descending, isNullable: false, NullsLast, ValueOf);

    public string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        decimal amount => amount.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcTicks.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected key value {value.GetType().Name}."),
    };

    /// <summary>Reads a value back from a cursor; false when the text is not one this key wrote.</summary>
    public bool TryParse(string? text, out object? value)
    {
        value = null;
        if (text is null)
            return IsNullable;
        if (ValueType == typeof(string))
        {
            value = text;
            return true;
        }
        if (ValueType == typeof(decimal) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            value = amount;
            return true;
        }
        if (ValueType == typeof(DateTimeOffset) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks)
        {
            value = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }
        return false;
    }
}
