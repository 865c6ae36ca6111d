using System.Runtime.CompilerServices;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ETicket.Graph.Transport;

/// <summary>
/// GraphQL.NET's validator, with a shortcut for an operation that runs with no validation rule (a
/// document that passed them before, see <see cref="DocumentCache"/>). Even with no rule, GraphQL.NET
/// walks the whole operation twice per request with its async visitors: to find where each variable
/// is used (part of coercing variables), and to coerce every argument. The two walks cost about a
/// tenth of a market page's CPU (docs/benchmarks.md), yet what they find depends on the document
/// only, so <see cref="PreparedOperation"/> finds it once per operation; each request then only
/// coerces its values, with GraphQL.NET's own functions and errors.
/// </summary>
public sealed class PreparedOperationValidator : IDocumentValidator
{
    private readonly DocumentValidator _validator = new();
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, PreparedOperation> _prepared = [];

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        // Null rules mean GraphQL.NET's core rules; only "no rule at all" may skip the full validator.
        if (options.Rules is null || options.Rules.Any())
            return _validator.ValidateAsync(options);

        options.Schema.Initialize();
        var (schema, document) = (options.Schema, options.Document);
        var prepared = _prepared.GetValue(options.Operation, operation => PreparedOperation.Prepare(schema, document, operation));
        // Documents belong to one host's cache, so this holds; should one ever be shared, it stays correct.
        return prepared.Schema == schema && prepared.Document == document
            ? prepared.ValidateAsync(options)
            : _validator.ValidateAsync(options);
    }
}
