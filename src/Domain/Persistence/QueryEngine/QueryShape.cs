using System.Linq.Expressions;

namespace ETicket.Domain.Persistence.QueryEngine;

/// <summary>
/// The query of one shape, compiled once: reads the rows for the values given, in the order its
/// shape numbered them.
/// </summary>
public delegate IAsyncEnumerable<T> CompiledShape<in TContext, out T>(TContext context, object?[] values);

/// <summary>
/// How a query built at run time (a filter, a keyset window) looks, apart from its values: the types
/// of the values, and the query over a context with one expression per value.
/// </summary>
public sealed record QueryShape(IReadOnlyList<Type> ValueTypes, Func<Expression, IReadOnlyList<Expression>, Expression> Build);
