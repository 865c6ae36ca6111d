using System.Collections.Frozen;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ETicket.Graph.Querying;

/// <summary>
/// The fields the executing operation selects on objects of one type, for services that shape their
/// work by them: MemberLoader loads only the member columns the operation's Member fields read.
/// Walks the operation each time: a caller keeps what it derives, per operation (MemberSelection).
/// </summary>
public static class SelectedFields
{
    /// <summary>
    /// The names of the fields the operation of <paramref name="context"/> selects on objects of
    /// <paramref name="typeName"/> anywhere (through fragments, and on interfaces and unions it
    /// belongs to); null when that cannot be told, in which case a caller assumes every field.
    /// </summary>
    public static FrozenSet<string>? On(IResolveFieldContext context, string typeName) =>
        new Walk(context.Schema, context.Document, typeName).Of(context.Operation);

    /// <summary>Collects the fields; its result says whether something could not be resolved.</summary>
    private sealed class Walk(ISchema schema, GraphQLDocument document, string target) : SelectionWalk<IGraphType, bool>(document)
    {
        private readonly HashSet<string> _fields = [];

        public FrozenSet<string>? Of(GraphQLOperationDefinition operation)
        {
            var root = OperationSelection.RootType(schema, operation);
            return root is null || Of(operation.SelectionSet, root) ? null : _fields.ToFrozenSet();
        }

        protected override bool Field(GraphQLField field, IGraphType type)
        {
            var name = field.Name.StringValue;
            if (Covers(type))
                _fields.Add(name);
            if (field.SelectionSet is null || name.StartsWith("__", StringComparison.Ordinal))
                return false; // leaves; introspection never reaches the schema's own types
            return (type as IComplexGraphType)?.GetField(name)?.ResolvedType?.GetNamedType() is not { } fieldType
                || Of(field.SelectionSet, fieldType);
        }

        protected override bool Fragment(GraphQLTypeCondition condition, GraphQLSelectionSet selections, IGraphType type) =>
            schema.AllTypes[condition.Type.Name.StringValue] is not { } conditionType || Of(selections, conditionType);

        protected override bool Missing(GraphQLFragmentSpread spread) => true;

        protected override bool Combine(bool folded, bool next) => folded | next;

        // Once something cannot be resolved, the answer is "every field".
        protected override bool IsFinal(bool unresolved) => unresolved;

        private bool Covers(IGraphType type) =>
            type.Name == target || type is IAbstractGraphType abstractType && abstractType.PossibleTypes.Any(t => t.Name == target);
    }
}
