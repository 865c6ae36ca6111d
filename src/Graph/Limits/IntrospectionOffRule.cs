using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Limits;

/// <summary>
/// GraphQL.NET's <see cref="NoIntrospectionValidationRule"/> while <see cref="QueryLimitOptions.Introspection"/>
/// is off: <c>__schema</c> and <c>__type</c> fail validation, <c>__typename</c> still works.
/// </summary>
public sealed class IntrospectionOffRule(IOptions<QueryLimitOptions> options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        options.Value.Introspection ? default : NoIntrospectionValidationRule.Instance.GetPreNodeVisitorAsync(context);
}
