using ETicket.Domain.Common;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace ETicket.Graph.Common;

public static class PagingArguments
{
    /// <summary>Adds <c>first</c>/<c>after</c>, and <c>last</c>/<c>before</c> when the list pages backward too.</summary>
    public static FieldBuilder<TSource, TReturn> Paged<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, bool backward)
    {
        field.Argument<IntGraphType>("first", $"At most this many items after `after` (default {PageRequest.DefaultSize}, max {PageRequest.MaxSize}).");
        field.Argument<StringGraphType>("after", "A cursor from an earlier page.");
        if (backward)
        {
            field.Argument<IntGraphType>("last", $"At most this many items before `before` (max {PageRequest.MaxSize}).");
            field.Argument<StringGraphType>("before", "A cursor from an earlier page.");
        }
        return field;
    }

    public static PageRequest ToPageRequest(this IResolveFieldContext context) => new PageRequest(
        context.GetArgument<int?>("first"),
        context.GetArgument<string?>("after"),
        context.GetArgument<int?>("last"),
        context.GetArgument<string?>("before")).Validated();
}
