using ETicket.Domain.Common;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace ETicket.Graph.Common;

public static class PayloadMutations
{
    /// <summary>
    /// Adds <c>name(input: TInputType!): TPayloadType!</c>, the contract's shape for every mutation:
    /// the parsed input goes to <paramref name="run"/>, a domain operation, whose outcome (result or
    /// business errors) becomes the payload. Failures of the request itself are thrown by <paramref name="run"/>.
    /// </summary>
    public static FieldBuilder<object?, object> AddPayloadMutation<TPayloadType, TInputType, TInput, TResult>(
        this MutationType mutations, string name, Func<IResolveFieldContext, TInput, Task<Outcome<TResult>>> run)
        where TPayloadType : IGraphType
        where TInputType : IInputObjectGraphType
        where TResult : class =>
        mutations.Field<NonNullGraphType<TPayloadType>>(name)
            .Argument<NonNullGraphType<TInputType>>("input")
            .ResolveAsync(async ctx => Payload<TResult>.From(await run(ctx, ctx.GetArgument<TInput>("input"))));

    /// <summary>A service of the request's scope.</summary>
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();
}
