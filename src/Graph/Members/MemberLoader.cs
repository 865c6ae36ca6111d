using System.Collections.Frozen;
using System.Linq.Expressions;
using ETicket.Domain.Common;
using ETicket.Domain.Members;
using ETicket.Domain.Persistence;
using ETicket.Domain.Persistence.QueryEngine;
using ETicket.Graph.Common;
using ETicket.Graph.Querying;
using GraphQL;
using GraphQL.DataLoader;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Graph.Members;

/// <summary>
/// Members by id, one query per batch, loading only the columns the operation's Member fields read
/// (their <see cref="FieldReads"/>): a market page's sellers show a nickname, two columns, not
/// thirteen. Members loaded here serve Member fields only.
/// </summary>
public sealed class MemberLoader(ETicketDbContext db, MemberSelection selection, CompiledShapes<ETicketDbContext, Member> shapes) : BatchLoader<string, Member>
{
    /// <summary>The columns to load: null for all; worked out once per operation (<see cref="MemberSelection"/>).</summary>
    internal sealed record Columns(FrozenSet<string>? Properties, string[]? Names, object Key)
    {
        public static readonly Columns All = new(null, null, (nameof(MemberLoader), "*"));

        public static Columns Of(FrozenSet<string> properties)
        {
            var names = properties.Order(StringComparer.Ordinal).ToArray();
            return new(properties, names, (nameof(MemberLoader), string.Join(",", names)));
        }
    }

    private GraphQLOperationDefinition? _served;
    private Columns? _loadedWith;

    /// <summary>The member with this id, for a Member field of <paramref name="context"/>'s operation.</summary>
    public IDataLoaderResult<IEntity?> Load(IResolveFieldContext context, string id)
    {
        Serve(context);
        return LoadAs<IEntity>(id);
    }

    /// <summary>The columns the operation needs, widening (and reloading) when they grew.</summary>
    private void Serve(IResolveFieldContext context)
    {
        if (_loadedWith is not null && ReferenceEquals(context.Operation, _served))
            return;
        _served = context.Operation;
        var needed = selection.Columns(context);
        if (_loadedWith is null)
        {
            _loadedWith = needed;
            return;
        }
        if (_loadedWith.Properties is null || needed.Properties is not null && needed.Properties.IsSubsetOf(_loadedWith.Properties))
            return;
        // Another operation in this scope needs more than the members at hand hold.
        _loadedWith = needed.Properties is null ? Columns.All : Columns.Of(needed.Properties.Union(_loadedWith.Properties).ToFrozenSet());
        ReloadAll();
    }

    protected override async Task<IReadOnlyDictionary<string, Member>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var columns = _loadedWith ?? Columns.All;
        var ids = keys as string[] ?? [.. keys];
        // Compiled per set of columns: a page's sellers are one such query per request (docs/benchmarks.md).
        var rows = shapes.TryGet(db, columns.Key, columns.Names, Shape) is { } compiled
            ? compiled(db, [ids])
            : Query(db.Members, ids, columns.Names).AsAsyncEnumerable();
        var members = new Dictionary<string, Member>(keys.Count);
        await foreach (var member in rows.WithCancellation(cancellationToken))
            members[member.Id] = member;
        return members;
    }

    private static readonly System.Reflection.MethodInfo NoTracking =
        typeof(EntityFrameworkQueryableExtensions).GetMethod(nameof(EntityFrameworkQueryableExtensions.AsNoTracking))!.MakeGenericMethod(typeof(Member));

    /// <summary><c>db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))</c>, projected to the columns when not all.</summary>
    private static IQueryable<Member> Query(IQueryable<Member> members, Expression ids, IReadOnlyList<string>? columns)
    {
        var member = Expression.Parameter(typeof(Member), "m");
        members = members.AsNoTracking().Where(Expression.Lambda<Func<Member, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], ids, Expression.Property(member, nameof(Member.Id))),
            member));
        return columns is null ? members : members.Select(EntityProjection<Member>.Of(columns));
    }

    private static IQueryable<Member> Query(IQueryable<Member> members, string[] ids, IReadOnlyList<string>? columns) =>
        Query(members, ExpressionParts.Parameterized(ids, typeof(string[])), columns);

    private static QueryShape Shape(IReadOnlyList<string>? columns) => new([typeof(string[])], (context, values) =>
        Query(new EnumerableQuery<Member>(Expression.Call(NoTracking, Expression.Property(context, nameof(ETicketDbContext.Members)))), values[0], columns).Expression);
}
