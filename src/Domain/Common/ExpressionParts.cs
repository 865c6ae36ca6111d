using System.Linq.Expressions;

namespace ETicket.Domain.Common;

/// <summary>Pieces for building SQL-translatable expression trees by hand.</summary>
public static class ExpressionParts
{
    /// <summary>A value as a captured variable, so EF Core sends it as a SQL parameter and reuses the plan.</summary>
    public static Expression Parameterized(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(holder), nameof(Holder<object>.Value));
    }

    /// <summary>The body of <paramref name="lambda"/> with its parameter replaced by <paramref name="row"/>.</summary>
    public static Expression Rebind(LambdaExpression lambda, ParameterExpression row) =>
        new ReplaceParameter(lambda.Parameters[0], row).Visit(lambda.Body);

    private sealed class Holder<TValue>(TValue value)
    {
        public readonly TValue Value = value;
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
