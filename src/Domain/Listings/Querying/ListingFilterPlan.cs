using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using ETicket.Domain.Persistence.QueryEngine;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Listings.Querying;

/// <summary>
/// A <see cref="ListingFilter"/> taken apart: its <see cref="Shape"/> (what SQL it makes: fields,
/// operators, and/or, the statuses asked for) and its <see cref="Values"/> (what goes into that SQL
/// as parameters). Two filters of one shape make the same SQL, so a compiled query can be kept per
/// shape (ListingKeysetSource) and run with each request's values. Text matching (contains,
/// startsWith) is LIKE with escaping, which ignores case on both providers; status means the status
/// as of now (<see cref="EffectiveListingStatus"/>).
/// </summary>
public sealed class ListingFilterPlan
{
    private const char LikeEscape = '\\';

    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly ParameterExpression Row = Expression.Parameter(typeof(Listing), "listing");

    private readonly Node _root;

    private ListingFilterPlan(Node root, string shape, object?[] values, Type[] types) =>
        (_root, Shape, Values, ValueTypes) = (root, shape, values, types);

    /// <summary>What the SQL looks like, without the values; equal shapes make equal SQL.</summary>
    public string Shape { get; }

    /// <summary>The values the predicate compares with, numbered as <see cref="Predicate(Func{int, Expression})"/> asks for them.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>The type each value is read as.</summary>
    public IReadOnlyList<Type> ValueTypes { get; }

    public static ListingFilterPlan For(ListingFilter filter, DateTimeOffset now)
    {
        var planner = new Planner(now);
        var root = planner.Plan(filter);
        return new ListingFilterPlan(root, planner.Shape.ToString(), [.. planner.Values], [.. planner.Types]);
    }

    /// <summary>The predicate with each value as a captured variable (an ordinary LINQ query's SQL parameter).</summary>
    public Expression<Func<Listing, bool>> Predicate() =>
        Predicate(i => ExpressionParts.Parameterized(Values[i], ValueTypes[i]));

    /// <param name="value">How the predicate reads value <c>i</c> (of type <see cref="ValueTypes"/>[i]).</param>
    public Expression<Func<Listing, bool>> Predicate(Func<int, Expression> value) =>
        Expression.Lambda<Func<Listing, bool>>(_root.Build(value), Row);

    private abstract class Node
    {
        public abstract Expression Build(Func<int, Expression> value);
    }

    /// <summary>Every part holds (<paramref name="all"/>) or at least one does; an empty list holds for all, or for none.</summary>
    private sealed class Combined(List<Node> parts, bool all) : Node
    {
        public override Expression Build(Func<int, Expression> value) => ExpressionParts.Joined(
            [.. parts.Select(part => part.Build(value))],
            all ? Expression.AndAlso : Expression.OrElse,
            Expression.Constant(all));
    }

    private sealed class Atom(Func<Func<int, Expression>, Expression> build) : Node
    {
        public override Expression Build(Func<int, Expression> value) => build(value);
    }

    private sealed class Planner(DateTimeOffset now)
    {
        private int _now = -1;

        public StringBuilder Shape { get; } = new();
        public List<object?> Values { get; } = [];
        public List<Type> Types { get; } = [];

        private int Slot(object? value, Type type)
        {
            Values.Add(value);
            Types.Add(type);
            return Values.Count - 1;
        }

        /// <summary>One value for "now", however many status conditions read it.</summary>
        private int Now() => _now >= 0 ? _now : _now = Slot(now, typeof(DateTimeOffset));

        public Node Plan(ListingFilter filter)
        {
            switch (filter)
            {
                case ListingFilter.All all:
                    return Combine(all.Parts, all: true);
                case ListingFilter.Any any:
                    return Combine(any.Parts, all: false);
                case ListingFilter.Condition condition:
                    Shape.Append(condition.Field).Append('.').Append(condition.Operator);
                    return condition.Field switch
                    {
                        ListingField.Status => Status(condition),
                        ListingField.Category => Compare<TicketCategory>(condition, nameof(Listing.Category)),
                        ListingField.City => Compare<string?>(condition, nameof(Listing.City)),
                        ListingField.Title => Compare<string>(condition, nameof(Listing.Title)),
                        ListingField.Price => Compare<decimal>(condition, nameof(Listing.Price)),
                        ListingField.StartsAt => Compare<DateTimeOffset?>(condition, nameof(Listing.StartsAt)),
                        ListingField.PublishedAt => Compare<DateTimeOffset>(condition, nameof(Listing.PublishedAt)),
                        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
                    };
                default:
                    throw new ArgumentOutOfRangeException(nameof(filter));
            }
        }

        private Combined Combine(IReadOnlyList<ListingFilter> parts, bool all)
        {
            Shape.Append(all ? "&(" : "|(");
            var nodes = new List<Node>(parts.Count);
            foreach (var part in parts)
            {
                nodes.Add(Plan(part));
                Shape.Append(',');
            }
            Shape.Append(')');
            return new Combined(nodes, all);
        }

        /// <summary>The status as of now: ON_SALE excludes listings past their expiry, EXPIRED includes them. The statuses asked for are part of the shape.</summary>
        private Node Status(ListingFilter.Condition condition)
        {
            var statuses = condition.Operator switch
            {
                FilterOperator.Eq => [(ListingStatus)condition.Value!],
                // Each status once: five at most, however long the list.
                FilterOperator.In => ((IEnumerable)condition.Value!).Cast<ListingStatus>().Distinct().Order().ToList(),
                _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Operator, "status takes eq and in."),
            };
            Shape.Append('[').AppendJoin(',', statuses).Append(']');
            var nowSlot = statuses.Any(EffectiveListingStatus.DependsOnTime) ? Now() : -1;
            var eq = condition.Operator == FilterOperator.Eq;
            return new Atom(value =>
            {
                var time = nowSlot >= 0 ? value(nowSlot) : null;
                var parts = statuses.Select(status => ExpressionParts.Rebind(EffectiveListingStatus.Is(status, time!), Row)).ToList();
                return eq ? parts[0] : ExpressionParts.Joined(parts, Expression.OrElse, Expression.Constant(false));
            });
        }

        private Atom Compare<TKey>(ListingFilter.Condition condition, string property)
        {
            var raw = condition.Value;
            var (slot, op) = condition.Operator switch
            {
                FilterOperator.In => (Slot(InList<TKey>(raw!), typeof(List<TKey>)), condition.Operator),
                FilterOperator.Contains => (Slot("%" + Escape((string)raw!) + "%", typeof(string)), condition.Operator),
                FilterOperator.StartsWith => (Slot(Escape((string)raw!) + "%", typeof(string)), condition.Operator),
                FilterOperator.Eq or FilterOperator.Neq or FilterOperator.Gt or FilterOperator.Gte or FilterOperator.Lt or FilterOperator.Lte =>
                    (Slot(raw is null && default(TKey) is not null ? (object?)default(TKey) : raw, typeof(TKey)), condition.Operator),
                _ => throw new ArgumentOutOfRangeException(nameof(condition)),
            };
            return new Atom(value =>
            {
                var key = Expression.Property(Row, property);
                var operand = value(slot);
                return op switch
                {
                    FilterOperator.Eq => Expression.Equal(key, operand),
                    FilterOperator.Neq => Expression.NotEqual(key, operand),
                    FilterOperator.In => Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)], operand, key),
                    FilterOperator.Contains or FilterOperator.StartsWith =>
                        Expression.Call(Like, Expression.Constant(EF.Functions), key, operand, Expression.Constant(LikeEscape.ToString())),
                    FilterOperator.Gt => Expression.GreaterThan(key, operand),
                    FilterOperator.Gte => Expression.GreaterThanOrEqual(key, operand),
                    FilterOperator.Lt => Expression.LessThan(key, operand),
                    FilterOperator.Lte => Expression.LessThanOrEqual(key, operand),
                    _ => throw new ArgumentOutOfRangeException(nameof(condition)),
                };
            });
        }

        private static List<TKey> InList<TKey>(object values) => ((IEnumerable)values).Cast<object?>().Select(v => (TKey)v!).ToList();

        private static string Escape(string text) => text
            .Replace(LikeEscape.ToString(), LikeEscape + LikeEscape.ToString(), StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);
    }
}
