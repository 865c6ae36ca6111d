using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ETicket.Graph.Common;

/// <summary>
/// GraphQL.NET's serial strategy (one field at a time: resolvers share the request's DbContext and
/// batch loaders), except that a selection set's fields are collected once per request and object
/// type rather than once per object: a page of 20 listings with their sellers asked GraphQL.NET 40
/// times for the same two answers (fragments, @skip and @include included), which cost about as much
/// as the page's resolvers (docs/benchmarks.md). The answer depends on the document, the type and
/// the request's variables only, so it is kept for the request (by this strategy, a singleton of the host).
/// </summary>
public class CollectOnceExecutionStrategy : SerialExecutionStrategy
{
    private readonly ConditionalWeakTable<ExecutionContext, Dictionary<(GraphQLSelectionSet, IGraphType), CollectedField[]>> _collected = [];

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        var parentType = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        var selectionSet = parent.SelectionSet!;
        var collected = _collected.GetValue(context, static _ => []);
        if (!collected.TryGetValue((selectionSet, parentType), out var fields))
        {
            fields = [.. CollectFieldsFrom(context, parentType, selectionSet, null).Values.Select(f => new CollectedField(f.field, f.fieldType))];
            collected.Add((selectionSet, parentType), fields);
        }

        var nodes = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
            nodes[i] = BuildExecutionNode(parent, fields[i].Definition.ResolvedType!, fields[i].Field, fields[i].Definition);
        parent.SubFields = nodes;
    }

    private sealed record CollectedField(GraphQLField Field, FieldType Definition);
}
