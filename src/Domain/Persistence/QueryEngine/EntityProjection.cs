using System.Linq.Expressions;
using System.Reflection;

namespace ETicket.Domain.Persistence.QueryEngine;

/// <summary>
/// Query projections that load only some properties of an entity: <c>e => new T { A = e.A, B = e.B }</c>,
/// made with the entity's parameterless constructor (private ones too, as EF Core does) and its
/// property setters. The properties left out keep what the constructor gives them, so such an
/// object is for reading the loaded properties only, never for saving. Not cached here: the sets of
/// properties grow with what clients select, and a projection is built where a query is described,
/// once per compiled shape (<see cref="CompiledShapes{TContext, T}"/>), or beside the columns a
/// caller keeps (docs/caches.md).
/// </summary>
public static class EntityProjection<T>
    where T : class
{
    private static readonly ConstructorInfo Constructor =
        typeof(T).GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)
        ?? throw new InvalidOperationException($"{typeof(T).Name} has no parameterless constructor to project into.");

    /// <param name="properties">Names of mapped properties of <typeparamref name="T"/>.</param>
    public static Expression<Func<T, T>> Of(IReadOnlyList<string> properties)
    {
        var row = Expression.Parameter(typeof(T), "e");
        var bindings = properties.Select(name => typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ArgumentException($"{typeof(T).Name} has no property {name}.", nameof(properties)))
            .Select(property => (MemberBinding)Expression.Bind(property, Expression.Property(row, property)));
        return Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(Constructor), bindings), row);
    }
}
