using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using ETicket.Domain.Common;
using ETicket.Domain.Persistence.QueryEngine;
using ETicket.Domain.Members;
using ETicket.Domain.Persistence;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Graph.Members;

/// <summary>
/// Members by id, one query per batch, loading only the columns the executing operation's Member
/// fields read (a market page's sellers show a nickname: two columns, not thirteen). Members loaded
/// here serve Member fields only; outside a GraphQL execution every column is loaded.
/// </summary>
public sealed class MemberLoader(ETicketDbContext db, ETicketSchema schema) : BatchLoader<string, Member>
{
    /// <summary>
    /// The properties each field of Member reads from its member (see MemberFields and the other
    /// contributors). A field missing here (one added later) loads every column, so forgetting it
    /// costs time, not answers.
    /// </summary>
    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["__typename"] = [],
        ["id"] = [],
        ["nickname"] = [nameof(Member.Nickname)],
        ["avatarUrl"] = [nameof(Member.AvatarUrl)],
        ["gender"] = [nameof(Member.Gender)],
        ["creditPoints"] = [nameof(Member.CreditPoints)],
        ["membershipLevel"] = [nameof(Member.CreditPoints)],
        ["blacklisted"] = [nameof(Member.Blacklisted)],
        ["phoneNumber"] = [nameof(Member.PhoneNumber)],
        ["roles"] = [nameof(Member.IsAdmin)],
        ["joinedAt"] = [nameof(Member.JoinedAt)],
        // The tickets module's fields read the id only.
        ["completedTrades"] = [],
        ["listings"] = [],
    };

    /// <summary>The columns to load: null for all; per set of Member fields selected, worked out once.</summary>
    private sealed record Columns(FrozenSet<string>? Properties, string[]? Names, object Key)
    {
        public static readonly Columns All = new(null, null, (nameof(MemberLoader), "*"));

        public static Columns Of(FrozenSet<string> properties)
        {
            var names = properties.Order(StringComparer.Ordinal).ToArray();
            return new(properties, names, (nameof(MemberLoader), string.Join(",", names)));
        }
    }

    private static readonly ConditionalWeakTable<FrozenSet<string>, Columns> ForFields = [];

    private ExecutingOperation? _served;
    private Columns? _loadedWith;

    /// <summary>Before each load: the columns the executing operation needs, widening (and reloading) when they grew.</summary>
    protected override void Loading()
    {
        var operation = ExecutingOperation.Current;
        if (_loadedWith is not null && ReferenceEquals(operation, _served))
            return;
        _served = operation;
        var needed = Needed(operation);
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

    /// <summary>The member properties the operation reads (the id always), or all when it cannot tell.</summary>
    private Columns Needed(ExecutingOperation? operation)
    {
        if (operation?.FieldsOn(schema, "Member") is not { } fields)
            return Columns.All;
        return ForFields.GetValue(fields, static fields =>
        {
            var properties = new HashSet<string> { nameof(Member.Id) };
            foreach (var field in fields)
            {
                if (!Fields.TryGetValue(field, out var read))
                    return Columns.All;
                properties.UnionWith(read);
            }
            return Columns.Of(properties.ToFrozenSet());
        });
    }

    protected override async Task<IReadOnlyDictionary<string, Member>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var columns = _loadedWith ?? Columns.All;
        var ids = keys as string[] ?? [.. keys];
        // Compiled per set of columns: a page's sellers are one such query per request (docs/benchmarks.md).
        var rows = CompiledShapes<ETicketDbContext, Member>.TryGet(db, columns.Key, columns.Names, Shape) is { } compiled
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
