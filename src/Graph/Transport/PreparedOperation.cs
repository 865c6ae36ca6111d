using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace ETicket.Graph.Transport;

/// <summary>
/// What validating one operation of a document finds that depends on the document only: the nodes
/// whose arguments GraphQL.NET parses before execution (fields with arguments, with their
/// definitions, and nodes with directives: the ones its argument parser reaches, in its order), and
/// where each variable is used. Per request it coerces the variables and the arguments into the
/// result the executer expects, as GraphQL.NET's <see cref="DocumentValidator"/> does after its
/// rules, with the same functions and the same errors.
/// </summary>
internal sealed class PreparedOperation
{
    private readonly GraphQLOperationDefinition _operation;
    private readonly IReadOnlyList<Site> _sites;

    /// <summary>
    /// GraphQL.NET finds the variables' usages (to coerce a nullable variable used where a value is
    /// required as non-null) with a walk per request, remembered only by the ValidationContext that
    /// made it. This one serves this operation alone and is never reset, so it walks once; requests
    /// borrow it, and one that finds it borrowed makes its own.
    /// </summary>
    private ValidationContext? _variablesContext;

    private PreparedOperation(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, IReadOnlyList<Site> sites) =>
        (Schema, Document, _operation, _sites) = (schema, document, operation, sites);

    public ISchema Schema { get; }
    public GraphQLDocument Document { get; }

    public static PreparedOperation Prepare(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var sites = new List<Site>();
        new SiteFinder(schema, document, sites).Operation(operation);
        return new PreparedOperation(schema, document, operation, sites);
    }

    public async Task<IValidationResult> ValidateAsync(ValidationOptions options)
    {
        var (variables, errors) = await CoerceVariablesAsync(options).ConfigureAwait(false);
        if (errors is not null)
            return new ValidationResult(errors) { Variables = variables };

        Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? arguments = null;
        Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? directives = null;
        foreach (var site in _sites)
        {
            try
            {
                if (site.Field is { } definition)
                {
                    var field = (GraphQLField)site.Node;
                    if (ExecutionHelper.GetArguments(definition.Arguments, field.Arguments, variables, Document, field, null) is { } values)
                        (arguments ??= []).Add(field, values);
                }
                else if (ExecutionHelper.GetDirectives((IHasDirectivesNode)site.Node, variables, Schema, Document) is { } values)
                {
                    (directives ??= []).Add(site.Node, values);
                }
            }
            catch (ValidationError error)
            {
                (errors ??= []).Add(error);
            }
        }
        return new ValidationResult(errors ?? []) { Variables = variables, ArgumentValues = arguments, DirectiveValues = directives };
    }

    private async ValueTask<(Variables Variables, List<ValidationError>? Errors)> CoerceVariablesAsync(ValidationOptions options)
    {
        if (_operation.Variables is not { Count: > 0 })
            return (Variables.None, null);
        var context = Interlocked.Exchange(ref _variablesContext, null)
            ?? new ValidationContext { Schema = Schema, Document = Document, Operation = _operation };
        context.Variables = options.Variables;
        context.Extensions = options.Extensions;
        context.UserContext = options.UserContext;
        context.User = options.User;
        context.RequestServices = options.RequestServices;
        context.Metrics = options.Metrics;
        context.CancellationToken = options.CancellationToken;
        try
        {
            return await context.GetVariablesValuesAsync().ConfigureAwait(false);
        }
        finally
        {
            // Nothing of the request stays referenced between requests.
            context.Variables = null!;
            context.Extensions = null!;
            context.UserContext = null!;
            context.User = null;
            context.RequestServices = null;
            context.Metrics = null!;
            context.CancellationToken = default;
            Interlocked.CompareExchange(ref _variablesContext, context, null);
        }
    }

    /// <summary>A node whose directives, or (with its <see cref="Field"/> definition) whose field arguments, are parsed per request.</summary>
    private sealed record Site(ASTNode Node, FieldType? Field);

    /// <summary>
    /// Walks the operation as GraphQL.NET's argument parser does (DocumentValidator.ParseArgumentVisitor):
    /// the selected operation only, each fragment once, field definitions looked up on the type in
    /// scope, and nothing below a field, fragment or type it cannot resolve.
    /// </summary>
    private sealed class SiteFinder(ISchema schema, GraphQLDocument document, List<Site> sites)
    {
        private readonly HashSet<ROM> _visitedFragments = [];

        public void Operation(GraphQLOperationDefinition operation)
        {
            Directives(operation);
            foreach (var variable in operation.Variables?.Items ?? [])
                Directives(variable);
            IComplexGraphType? root = operation.Operation switch
            {
                OperationType.Query => schema.Query,
                OperationType.Mutation => schema.Mutation,
                OperationType.Subscription => schema.Subscription,
                _ => null,
            };
            if (root is not null)
                Selections(operation.SelectionSet, root);
        }

        private void Selections(GraphQLSelectionSet? set, IComplexGraphType? type)
        {
            foreach (var selection in set?.Selections ?? [])
            {
                switch (selection)
                {
                    case GraphQLField field:
                        Field(field, type);
                        break;
                    case GraphQLInlineFragment inline:
                        Directives(inline);
                        if (inline.TypeCondition is null)
                            Selections(inline.SelectionSet, type);
                        else
                            Fragment(inline.TypeCondition, inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread:
                        Directives(spread);
                        if (_visitedFragments.Add(spread.FragmentName.Name.Value) && document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } definition)
                        {
                            Directives(definition);
                            Fragment(definition.TypeCondition, definition.SelectionSet);
                        }
                        break;
                }
            }

            // A fragment on an abstract type that is not an interface (a union) keeps the type in scope.
            void Fragment(GraphQLTypeCondition condition, GraphQLSelectionSet body)
            {
                switch (schema.AllTypes[condition.Type.Name.Value]?.GetNamedType())
                {
                    case IComplexGraphType complex:
                        Selections(body, complex);
                        break;
                    case IAbstractGraphType:
                        Selections(body, type);
                        break;
                }
            }
        }

        private void Field(GraphQLField field, IComplexGraphType? type)
        {
            Directives(field);
            var name = field.Name.Value;
            var definition = name == schema.TypeMetaFieldType.Name ? schema.TypeMetaFieldType
                : name == schema.TypeNameMetaFieldType.Name ? schema.TypeNameMetaFieldType
                : name == schema.SchemaMetaFieldType.Name ? schema.SchemaMetaFieldType
                : type?.Fields.Find(name);
            if (definition is null)
                return;
            if (field.Arguments?.Count > 0)
                sites.Add(new Site(field, definition));
            switch (definition.ResolvedType?.GetNamedType())
            {
                case IComplexGraphType complex:
                    Selections(field.SelectionSet, complex);
                    break;
                case UnionGraphType:
                    Selections(field.SelectionSet, type);
                    break;
            }
        }

        private void Directives(ASTNode node)
        {
            if (node is IHasDirectivesNode { Directives.Count: > 0 })
                sites.Add(new Site(node, null));
        }
    }
}
