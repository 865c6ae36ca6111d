using System.Linq.Expressions;

namespace ETicket.Domain.Persistence.QueryEngine.Keyset;

/// <summary>The SQL-translatable ORDER BY and "after the cursor" predicate of an ordering.</summary>
internal static class KeysetPredicates
{
    private static readonly System.Reflection.MethodInfo StringCompare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>ORDER BY each key (nullable keys first by "is null", so nulls go last or first as the key says).</summary>
    public static IQueryable<T> OrderBy<T>(IQueryable<T> items, Ordering<T> ordering)
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var key in ordering.Keys)
        {
            if (key.IsNull is { } isNull)
                ordered = Then(items, ordered, isNull, descending: !key.NullsLast);
            ordered = Then(items, ordered, key.Selector, key.Descending);
        }
        return ordered ?? items;
    }

    /// <summary>
    /// Rows strictly after the cursor's position: A1 OR (E1 AND (A2 OR (E2 AND ...))), where Ai is
    /// "key i comes after the cursor's value" and Ei "key i equals it".
    /// </summary>
    public static Expression<Func<T, bool>> After<T>(Ordering<T> ordering, object?[] cursor) =>
        After(ordering, cursor, (i, type) => ExpressionParts.Parameterized(cursor[i], type));

    /// <param name="value">
    /// How the predicate reads the cursor's value of key <c>i</c>, as the key's type: a SQL parameter.
    /// Asked only for the values the predicate compares with (not for a null among nulls).
    /// </param>
    public static Expression<Func<T, bool>> After<T>(Ordering<T> ordering, object?[] cursor, Func<int, Type, Expression> value)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? predicate = null;
        for (var i = ordering.Keys.Count - 1; i >= 0; i--)
        {
            var key = ordering.Keys[i];
            var keyExpression = ExpressionParts.Rebind(key.Selector, row);
            var index = i;
            var (after, equal) = Compare(key, keyExpression, () => value(index, key.KeyType), cursor[i] is null);
            predicate = predicate is null ? after : Expression.OrElse(after, Expression.AndAlso(equal, predicate));
        }
        return Expression.Lambda<Func<T, bool>>(predicate!, row);
    }

    public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    private static (Expression After, Expression Equal) Compare<T>(SortKey<T> key, Expression keyExpression, Func<Expression> valueOf, bool valueIsNull)
    {
        var isNull = key.IsNullable ? Expression.Equal(keyExpression, Expression.Constant(null, key.KeyType)) : null;
        if (isNull is not null && valueIsNull)
        {
            // Among the nulls every row is equal; the non-null rows sit all after or all before them.
            Expression after = key.NullsLast ? Expression.Constant(false) : Expression.Not(isNull);
            return (after, isNull);
        }
        var value = valueOf();
        var beyond = Beyond(keyExpression, value, key.Descending, key.ValueType == typeof(string));
        var equal = Expression.Equal(keyExpression, value);
        if (isNull is null)
            return (beyond, equal);
        return key.NullsLast
            ? (Expression.OrElse(isNull, beyond), equal)
            : (Expression.AndAlso(Expression.Not(isNull), beyond), equal);
    }

    private static Expression Beyond(Expression key, Expression value, bool descending, bool isString)
    {
        if (isString)
        {
            var comparison = Expression.Call(StringCompare, key, value);
            var zero = Expression.Constant(0);
            return descending ? Expression.LessThan(comparison, zero) : Expression.GreaterThan(comparison, zero);
        }
        return descending ? Expression.LessThan(key, value) : Expression.GreaterThan(key, value);
    }


    private static IOrderedQueryable<T> Then<T>(IQueryable<T> items, IOrderedQueryable<T>? ordered, LambdaExpression key, bool descending)
    {
        var method = (ordered is null, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            (false, true) => nameof(Queryable.ThenByDescending),
        };
        var source = (IQueryable<T>?)ordered ?? items;
        var call = Expression.Call(SortMethod(method, typeof(T), key.ReturnType), source.Expression, Expression.Quote(key));
        return (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(call);
    }

    // Looking a generic method up by name and closing it is reflection work: done once per signature.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Method, Type Source, Type Key), System.Reflection.MethodInfo> SortMethods = new();

    private static System.Reflection.MethodInfo SortMethod(string name, Type source, Type key) =>
        SortMethods.GetOrAdd((name, source, key), static k => typeof(Queryable).GetMethods()
            .Single(m => m.Name == k.Method && m.GetParameters().Length == 2)
            .MakeGenericMethod(k.Source, k.Key));
}
