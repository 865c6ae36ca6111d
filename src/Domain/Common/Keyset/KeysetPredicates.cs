using System.Linq.Expressions;

namespace ETicket.Domain.Common.Keyset;

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
            if (key.IsNullable)
            {
                var isNull = Expression.Lambda<Func<T, bool>>(Expression.Equal(key.Selector.Body, Expression.Constant(null, key.KeyType)), key.Selector.Parameters);
                ordered = Then(items, ordered, isNull, descending: !key.NullsLast);
            }
            ordered = Then(items, ordered, key.Selector, key.Descending);
        }
        return ordered ?? items;
    }

    /// <summary>
    /// Rows strictly after the cursor's position: A1 OR (E1 AND (A2 OR (E2 AND ...))), where Ai is
    /// "key i comes after the cursor's value" and Ei "key i equals it".
    /// </summary>
    public static Expression<Func<T, bool>> After<T>(Ordering<T> ordering, object?[] cursor)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? predicate = null;
        for (var i = ordering.Keys.Count - 1; i >= 0; i--)
        {
            var key = ordering.Keys[i];
            var value = ExpressionParts.Parameterized(cursor[i], key.KeyType);
            var keyExpression = ExpressionParts.Rebind(key.Selector, row);
            var (after, equal) = Compare(key, keyExpression, value, cursor[i] is null);
            predicate = predicate is null ? after : Expression.OrElse(after, Expression.AndAlso(equal, predicate));
        }
        return Expression.Lambda<Func<T, bool>>(predicate!, row);
    }

    public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    private static (Expression After, Expression Equal) Compare<T>(SortKey<T> key, Expression keyExpression, Expression value, bool valueIsNull)
    {
        var isNull = key.IsNullable ? Expression.Equal(keyExpression, Expression.Constant(null, key.KeyType)) : null;
        if (isNull is not null && valueIsNull)
        {
            // Among the nulls every row is equal; the non-null rows sit all after or all before them.
            Expression after = key.NullsLast ? Expression.Constant(false) : Expression.Not(isNull);
            return (after, isNull);
        }
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
        var call = Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], source.Expression, Expression.Quote(key));
        return (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(call);
    }
}
