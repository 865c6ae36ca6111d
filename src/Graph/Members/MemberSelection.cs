using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using ETicket.Domain.Members;
using ETicket.Graph.Querying;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ETicket.Graph.Members;

/// <summary>
/// The member columns an operation's Member fields read (their <see cref="FieldReads"/>), worked out
/// once per operation (cached documents keep their syntax tree) for <see cref="MemberLoader"/>.
/// A singleton of the host: what it keeps dies with the operations and schema it was worked out for.
/// </summary>
public sealed class MemberSelection
{
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, MemberLoader.Columns> _byOperation = [];

    // Per Member type: each schema has its own, and its fields are final once it is built.
    private readonly ConditionalWeakTable<IComplexGraphType, FrozenDictionary<string, string[]>> _reads = [];

    /// <summary>The member properties the operation reads (the id always), or all when it cannot tell.</summary>
    internal MemberLoader.Columns Columns(IResolveFieldContext context)
    {
        if (_byOperation.TryGetValue(context.Operation, out var known))
            return known;
        var columns = SelectedFields.On(context, MemberType.TypeName) is { } fields
            ? Read(fields, _reads.GetValue((IComplexGraphType)context.Schema.AllTypes[MemberType.TypeName]!, FieldReads.Of))
            : MemberLoader.Columns.All;
        _byOperation.AddOrUpdate(context.Operation, columns);
        return columns;

        static MemberLoader.Columns Read(FrozenSet<string> fields, FrozenDictionary<string, string[]> reads)
        {
            var properties = new HashSet<string> { nameof(Member.Id) };
            foreach (var field in fields)
            {
                if (!reads.TryGetValue(field, out var read))
                    return MemberLoader.Columns.All;
                properties.UnionWith(read);
            }
            return MemberLoader.Columns.Of(properties.ToFrozenSet());
        }
    }
}
