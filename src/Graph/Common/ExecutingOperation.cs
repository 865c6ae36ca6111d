using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace ETicket.Graph.Common;

/// <summary>
/// The GraphQL operation being executed in this async flow (set by GraphQLExecutor), for services
/// that shape their work by what it selects: MemberLoader loads only the member columns the
/// operation's Member fields read.
/// </summary>
public sealed class ExecutingOperation(GraphQLDocument document, string? operationName)
{
    private static readonly AsyncLocal<ExecutingOperation?> CurrentValue = new();

    // Per document (cached documents keep their syntax tree): per operation and type, the fields selected on it.
    private static readonly ConditionalWeakTable<GraphQLDocument, ConcurrentDictionary<(string? Operation, string Type), FrozenSet<string>?>> Selected = [];

    public static ExecutingOperation? Current
    {
        get => CurrentValue.Value;
        set => CurrentValue.Value = value;
    }

    public GraphQLDocument Document { get; } = document;

    public string? OperationName { get; } = operationName;

    /// <summary>
    /// The names of the fields the operation selects on objects of <paramref name="typeName"/>
    /// anywhere (through fragments, and on interfaces and unions it belongs to); null when that cannot
    /// be told, in which case a caller assumes every field.
    /// </summary>
    public FrozenSet<string>? FieldsOn(ISchema schema, string typeName) =>
        Selected.GetOrCreateValue(Document).GetOrAdd((OperationName, typeName), static (key, state) =>
            new Walk(state.Schema, state.Document, key.Type).Of(key.Operation), (Schema: schema, Document));

    private sealed class Walk(ISchema schema, GraphQLDocument document, string target)
    {
        private readonly HashSet<string> _fields = [];
        private readonly HashSet<(GraphQLFragmentDefinition, IGraphType)> _visited = [];
        private bool _unknown;

        public FrozenSet<string>? Of(string? operationName)
        {
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var operation = operationName is null
                ? operations.Count == 1 ? operations[0] : null
                : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
            IGraphType? root = operation?.Operation switch
            {
                OperationType.Query => schema.Query,
                OperationType.Mutation => schema.Mutation,
                OperationType.Subscription => schema.Subscription,
                _ => null,
            };
            if (operation is null || root is null)
                return null;
            Visit(operation.SelectionSet, root);
            return _unknown ? null : _fields.ToFrozenSet();
        }

        private bool Covers(IGraphType type) =>
            type.Name == target || type is IAbstractGraphType abstractType && abstractType.PossibleTypes.Any(t => t.Name == target);

        private void Visit(GraphQLSelectionSet selectionSet, IGraphType type)
        {
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var name = field.Name.StringValue;
                        if (Covers(type))
                            _fields.Add(name);
                        if (field.SelectionSet is null || name.StartsWith("__", StringComparison.Ordinal))
                            break; // leaves; introspection never reaches the schema's own types
                        if ((type as IComplexGraphType)?.GetField(name)?.ResolvedType?.GetNamedType() is { } fieldType)
                            Visit(field.SelectionSet, fieldType);
                        else
                            _unknown = true;
                        break;
                    case GraphQLInlineFragment inline:
                        if (inline.TypeCondition is null)
                            Visit(inline.SelectionSet, type);
                        else if (schema.AllTypes[inline.TypeCondition.Type.Name.StringValue] is { } conditionType)
                            Visit(inline.SelectionSet, conditionType);
                        else
                            _unknown = true;
                        break;
                    case GraphQLFragmentSpread spread:
                        if (document.FindFragmentDefinition(spread.FragmentName.Name.Value) is not { } fragment
                            || schema.AllTypes[fragment.TypeCondition.Type.Name.StringValue] is not { } fragmentType)
                            _unknown = true;
                        else if (_visited.Add((fragment, fragmentType)))
                            Visit(fragment.SelectionSet, fragmentType);
                        break;
                }
            }
        }
    }
}
