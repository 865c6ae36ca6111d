using GraphQL.Types;
using GraphQLParser.AST;

namespace ETicket.Graph.Querying;

/// <summary>
/// Which operation of a document a request runs, decided here alone: a transport routes the request
/// by it before executing, and what runs later reads the operation GraphQL.NET's executer chose the
/// same way (the resolve context's <c>Operation</c>).
/// </summary>
public static class OperationSelection
{
    /// <summary>
    /// The operation GraphQL would run: the named one, or the only one. Null when the choice is
    /// ambiguous or names nothing; executing then answers with the executer's own error.
    /// </summary>
    public static GraphQLOperationDefinition? Find(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? selected = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
                continue;
            if (operationName is null)
            {
                if (selected is not null)
                    return null;
                selected = operation;
            }
            else if (operation.Name?.StringValue == operationName)
            {
                return operation;
            }
        }
        return operationName is null ? selected : null;
    }

    public static bool Selects(GraphQLDocument document, string? operationName, OperationType type) =>
        Find(document, operationName)?.Operation == type;

    /// <summary>The type an operation's selections start from; null when the schema has no such root.</summary>
    public static IObjectGraphType? RootType(ISchema schema, GraphQLOperationDefinition operation) => operation.Operation switch
    {
        OperationType.Query => schema.Query,
        OperationType.Mutation => schema.Mutation,
        OperationType.Subscription => schema.Subscription,
        _ => null,
    };
}
