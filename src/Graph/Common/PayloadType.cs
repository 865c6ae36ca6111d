using GraphQL.Types;

namespace ETicket.Graph.Common;

/// <summary>A mutation payload type: <c>{ &lt;resultField&gt;: T, errors: [UserError!]! }</c>.</summary>
public abstract class PayloadType<TResult, TResultType> : ObjectGraphType<Payload<TResult>>
    where TResult : class
    where TResultType : IGraphType
{
    protected PayloadType(string name, string resultField)
    {
        Name = name;
        Field<TResultType>(resultField).Resolve(ctx => ctx.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("Expected business failures; empty on success.")
            .Resolve(ctx => ctx.Source.Errors);
    }
}
