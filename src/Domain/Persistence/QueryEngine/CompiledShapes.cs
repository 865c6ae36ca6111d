using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ETicket.Domain.Persistence.QueryEngine;

/// <summary>
/// EF Core compiled queries for queries whose shape is decided per request (which filter fields,
/// which ordering, which columns) but repeats across requests.
/// <para>
/// An ordinary LINQ query costs EF Core, on every execution, a walk of the whole expression tree to
/// find the values to send as parameters, then a hash and a comparison of the tree to find the SQL
/// it compiled before (docs/benchmarks.md). A compiled query skips both: the shape is looked up here
/// by a small key, and the values go straight in as parameters. The SQL is the same.
/// </para>
/// <para>
/// At most <see cref="MaxValues"/> values (EF Core's limit for compiled queries) and
/// <see cref="MaxShapes"/> shapes per model; beyond either, <see cref="TryGet"/> answers null and
/// the caller runs the ordinary LINQ query, which EF Core caches itself.
/// </para>
/// <para>
/// A singleton of the host (registered with the DbContext): its compiled queries outlive every
/// context, as EF Core's compiled queries must to be of use, and die with the host (docs/caches.md).
/// </para>
/// </summary>
public sealed class CompiledShapes<TContext, T>
    where TContext : DbContext
{
    public const int MaxValues = 15;
    public const int MaxShapes = 2000;

    // Per model: a compiled query belongs to the model it was compiled for.
    private readonly ConditionalWeakTable<IModel, Shapes> _models = [];

    private static readonly MethodInfo[] CompileMethods = [.. typeof(EF).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.Name == nameof(EF.CompileAsyncQuery)
            && m.GetParameters()[0].ParameterType.GetGenericArguments()[0] is var lambda
            && lambda.GetGenericArguments()[^1] is { IsGenericType: true } result
            && result.GetGenericTypeDefinition() == typeof(IQueryable<>))
        .OrderBy(m => m.GetGenericArguments().Length)];

    /// <summary>
    /// The compiled query for <paramref name="key"/> (a value with equality: the shape's parts),
    /// described by <paramref name="describe"/> the first time; null when it has too many values or
    /// the cache is full.
    /// </summary>
    public CompiledShape<TContext, T>? TryGet<TState>(TContext context, object key, TState state, Func<TState, QueryShape> describe)
    {
        var shapes = _models.GetValue(context.Model, static _ => new());
        if (shapes.TryGetValue(key, out var compiled))
            return compiled;
        if (Volatile.Read(ref shapes.Taken) >= MaxShapes)
            return null;
        var shape = describe(state);
        if (shape.ValueTypes.Count > MaxValues)
            return null;
        // A place is taken before the shape is added, so the count never passes the bound.
        if (Interlocked.Increment(ref shapes.Taken) > MaxShapes)
        {
            Interlocked.Decrement(ref shapes.Taken);
            return null;
        }
        compiled = Compile(shape);
        if (shapes.TryAdd(key, compiled))
            return compiled;
        Interlocked.Decrement(ref shapes.Taken);
        return shapes[key];
    }

    /// <summary>How many shapes are kept for <paramref name="model"/>: at most <see cref="MaxShapes"/>.</summary>
    public int Count(IModel model) => _models.TryGetValue(model, out var shapes) ? shapes.Count : 0;

    private sealed class Shapes : ConcurrentDictionary<object, CompiledShape<TContext, T>>
    {
        public int Taken;
    }

    private static CompiledShape<TContext, T> Compile(QueryShape shape)
    {
        var types = shape.ValueTypes;
        var context = Expression.Parameter(typeof(TContext), "db");
        // Named uniquely: EF Core names the SQL parameters after them.
        var parameters = types.Select((type, i) => Expression.Parameter(type, "p" + i)).ToArray();
        var lambda = Expression.Lambda(
            Expression.GetFuncType([typeof(TContext), .. types, typeof(IQueryable<T>)]),
            shape.Build(context, parameters),
            [context, .. parameters]);
        var efCompiled = (Delegate)CompileMethods[types.Count]
            .MakeGenericMethod([typeof(TContext), .. types, typeof(T)])
            .Invoke(null, [lambda])!;

        // (db, values) => efCompiled(db, (T0)values[0], (T1)values[1], ...)
        var db = Expression.Parameter(typeof(TContext), "db");
        var values = Expression.Parameter(typeof(object?[]), "values");
        var call = Expression.Invoke(
            Expression.Constant(efCompiled),
            [db, .. types.Select((type, i) => Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(i)), type))]);
        return Expression.Lambda<CompiledShape<TContext, T>>(call, db, values).Compile();
    }
}
