using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using ETicket.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Listings.Querying;

/// <summary>
/// Turns a <see cref="ListingFilter"/> into one SQL-translatable predicate. Text matching
/// (contains, startsWith) is LIKE with escaping, which ignores case on both providers; status
/// means the status as of now (<see cref="EffectiveListingStatus"/>).
/// </summary>
public static class ListingFilters
{
    private const char LikeEscape = '\\';

    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    public static Expression<Func<Listing, bool>> ToPredicate(ListingFilter filter, DateTimeOffset now) => filter switch
    {
        ListingFilter.All all => Combine(all.Parts.Select(p => ToPredicate(p, now)), Expression.AndAlso, identity: true),
        ListingFilter.Any any => Combine(any.Parts.Select(p => ToPredicate(p, now)), Expression.OrElse, identity: false),
        ListingFilter.Condition condition => ToPredicate(condition, now),
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };

    private static Expression<Func<Listing, bool>> ToPredicate(ListingFilter.Condition condition, DateTimeOffset now) => condition.Field switch
    {
        ListingField.Status => Status(condition, now),
        ListingField.Category => Compare(condition, l => l.Category),
        ListingField.City => Compare(condition, l => l.City),
        ListingField.Title => Compare(condition, l => l.Title),
        ListingField.Price => Compare(condition, l => l.Price),
        ListingField.StartsAt => Compare(condition, l => l.StartsAt),
        ListingField.PublishedAt => Compare(condition, l => l.PublishedAt),
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };

    /// <summary>The status as of now: ON_SALE excludes listings past their expiry, EXPIRED includes them.</summary>
    private static Expression<Func<Listing, bool>> Status(ListingFilter.Condition condition, DateTimeOffset now) => condition.Operator switch
    {
        FilterOperator.Eq => EffectiveListingStatus.Is((ListingStatus)condition.Value!, now),
        FilterOperator.In => Combine(((IEnumerable)condition.Value!).Cast<ListingStatus>().Select(s => EffectiveListingStatus.Is(s, now)), Expression.OrElse, identity: false),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Operator, "status takes eq and in."),
    };

    private static Expression<Func<Listing, bool>> Compare<TKey>(ListingFilter.Condition condition, Expression<Func<Listing, TKey>> selector)
    {
        var key = selector.Body;
        var value = condition.Value;
        Expression body = condition.Operator switch
        {
            FilterOperator.Eq => Expression.Equal(key, ExpressionParts.Parameterized(value, typeof(TKey))),
            FilterOperator.Neq => Expression.NotEqual(key, ExpressionParts.Parameterized(value, typeof(TKey))),
            FilterOperator.In => Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)], ExpressionParts.Parameterized(InList<TKey>(value!), typeof(List<TKey>)), key),
            FilterOperator.Contains => LikeCall(key, "%" + Escape((string)value!) + "%"),
            FilterOperator.StartsWith => LikeCall(key, Escape((string)value!) + "%"),
            FilterOperator.Gt => Expression.GreaterThan(key, ExpressionParts.Parameterized(value, typeof(TKey))),
            FilterOperator.Gte => Expression.GreaterThanOrEqual(key, ExpressionParts.Parameterized(value, typeof(TKey))),
            FilterOperator.Lt => Expression.LessThan(key, ExpressionParts.Parameterized(value, typeof(TKey))),
            FilterOperator.Lte => Expression.LessThanOrEqual(key, ExpressionParts.Parameterized(value, typeof(TKey))),
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        };
        return Expression.Lambda<Func<Listing, bool>>(body, selector.Parameters);
    }

    private static List<TKey> InList<TKey>(object values) => ((IEnumerable)values).Cast<object?>().Select(v => (TKey)v!).ToList();

    private static Expression LikeCall(Expression key, string pattern) =>
        Expression.Call(Like, Expression.Constant(EF.Functions), key, ExpressionParts.Parameterized(pattern, typeof(string)), Expression.Constant(LikeEscape.ToString()));

    private static string Escape(string text) => text
        .Replace(LikeEscape.ToString(), LikeEscape + LikeEscape.ToString(), StringComparison.Ordinal)
        .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
        .Replace("_", LikeEscape + "_", StringComparison.Ordinal);


    private static Expression<Func<Listing, bool>> Combine(IEnumerable<Expression<Func<Listing, bool>>> parts, Func<Expression, Expression, BinaryExpression> join, bool identity)
    {
        var row = Expression.Parameter(typeof(Listing), "listing");
        Expression? body = null;
        foreach (var part in parts)
        {
            var rebound = ExpressionParts.Rebind(part, row);
            body = body is null ? rebound : join(body, rebound);
        }
        return Expression.Lambda<Func<Listing, bool>>(body ?? Expression.Constant(identity), row);
    }
}
