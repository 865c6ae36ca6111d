using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace ETicket.Domain.Persistence.QueryEngine;

/// <summary>Pieces for building SQL-translatable expression trees by hand.</summary>
public static class ExpressionParts
{
    private static readonly ConcurrentDictionary<Type, Func<object?, Expression>> Holders = new();

    private static readonly MethodInfo HoldMethod = typeof(ExpressionParts).GetMethod(nameof(Hold), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// A value as a captured variable, so EF Core sends it as a SQL parameter and reuses the plan.
    /// Null for a value type stands for its default.
    /// </summary>
    public static Expression Parameterized(object? value, Type type) =>
        Holders.GetOrAdd(type, static t => HoldMethod.MakeGenericMethod(t).CreateDelegate<Func<object?, Expression>>())(value);

    /// <summary>The body of <paramref name="lambda"/> with its parameter replaced by <paramref name="row"/>.</summary>
    public static Expression Rebind(LambdaExpression lambda, ParameterExpression row) =>
        lambda.Parameters[0] == row ? lambda.Body : new ReplaceParameter(lambda.Parameters[0], row).Visit(lambda.Body);

    /// <summary>
    /// The parts joined by <paramref name="join"/> (AndAlso, OrElse) as a balanced tree: n parts nest
    /// log2(n) deep rather than n, so no allowed filter reaches the recursion limits of EF Core's
    /// visitors or SQLite's expression depth (1000). <paramref name="empty"/> when there are none.
    /// </summary>
    public static Expression Joined(IReadOnlyList<Expression> parts, Func<Expression, Expression, Expression> join, Expression empty)
    {
        return parts.Count == 0 ? empty : Join(0, parts.Count);

        Expression Join(int from, int to) => to - from == 1
            ? parts[from]
            : join(Join(from, from + (to - from) / 2), Join(from + (to - from) / 2, to));
    }

    private static Expression Hold<TValue>(object? value) =>
        Expression.Field(Expression.Constant(new Holder<TValue>(value is null ? default! : (TValue)value)), Holder<TValue>.ValueField);

    private sealed class Holder<TValue>(TValue value)
    {
        public static readonly FieldInfo ValueField = typeof(Holder<TValue>).GetField(nameof(Value))!;

        public readonly TValue Value = value;
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
