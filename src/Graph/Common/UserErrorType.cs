using ETicket.Domain.Common;
using ETicket.Graph.Schema;
using GraphQL.Federation;
using GraphQL.Types;

namespace ETicket.Graph.Common;

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType(SchemaRole role)
    {
        Name = "UserError";
        Description = "An expected business failure of a mutation.";
        Field(e => e.Code, type: typeof(NonNullGraphType<UserErrorCodeType>));
        Field(e => e.Message);
        Field(e => e.Field, nullable: true).Description("The input field at fault, e.g. \"price\"; null when not about one field.");
        // Both subgraphs return this value type, so federation needs it marked as shared.
        if (role.IsFederated)
            this.Shareable();
    }
}
