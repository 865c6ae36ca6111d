using GraphQLParser.AST;

namespace ETicket.Graph.Limits;

/// <summary>
/// What the IDE and code generators send to read the schema: a query whose root selections are all
/// introspection fields, written out (graphql-js's introspection query and Banana Cake Pop's are).
/// </summary>
public static class IntrospectionOperation
{
    public static bool Is(GraphQLOperationDefinition operation) =>
        operation.Operation == OperationType.Query
        && operation.SelectionSet.Selections.All(selection => selection is GraphQLField field
            && (field.Name.Value == "__schema" || field.Name.Value == "__type" || field.Name.Value == "__typename"));
}
