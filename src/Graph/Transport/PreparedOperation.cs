using ETicket.Graph.Querying;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
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
        : SelectionWalk<IComplexGraphType?, ValueTuple>(document)
    {
        public void Operation(GraphQLOperationDefinition operation)
        {
            Directives(operation);
            foreach (var variable in operation.Variables?.Items ?? [])
                Directives(variable);
            if (OperationSelection.RootType(schema, operation) is { } root)
                Of(operation.SelectionSet, root);
        }

        protected override ValueTuple Field(GraphQLField field, IComplexGraphType? type)
        {
            Directives(field);
            var name = field.Name.Value;
            var definition = name == schema.TypeMetaFieldType.Name ? schema.TypeMetaFieldType
                : name == schema.TypeNameMetaFieldType.Name ? schema.TypeNameMetaFieldType
                : name == schema.SchemaMetaFieldType.Name ? schema.SchemaMetaFieldType
                : type?.Fields.Find(name);
            if (definition is null)
                return default;
            if (field.Arguments?.Count > 0)
                sites.Add(new Site(field, definition));
            return definition.ResolvedType?.GetNamedType() switch
            {
                IComplexGraphType complex => Of(field.SelectionSet, complex),
                UnionGraphType => Of(field.SelectionSet, type),
                _ => default,
            };
        }

        // A fragment on an abstract type that is not an interface (a union) keeps the type in scope.
        protected override ValueTuple Fragment(GraphQLTypeCondition condition, GraphQLSelectionSet selections, IComplexGraphType? type) =>
            schema.AllTypes[condition.Type.Name.Value]?.GetNamedType() switch
            {
                IComplexGraphType complex => Of(selections, complex),
                IAbstractGraphType => Of(selections, type),
                _ => default,
            };

        protected override ValueTuple Directives(IHasDirectivesNode node)
        {
            if (node.Directives?.Count > 0)
                sites.Add(new Site((ASTNode)node, null));
            return default;
        }

        protected override ValueTuple Combine(ValueTuple folded, ValueTuple next) => default;
    }
}
