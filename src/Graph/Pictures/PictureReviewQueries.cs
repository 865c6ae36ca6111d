using ETicket.Domain.Pictures.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace ETicket.Graph.Pictures;

public sealed class PictureReviewQueries : IFieldContributor<QueryType>
{
    public void AddFields(QueryType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PictureReviewType>>>>("pictureReviews")
            .Description($"ADMIN only: flagged pictures, the oldest first (at most {PictureReviews.MaxListed}). resolvePictureReview settles one.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 20)
            .ResolveAsync(async ctx => await ctx.Service<PictureReviews>().ListAsync(ctx.RequireViewerId(), ctx.GetArgument<int>("first"), ctx.CancellationToken));
}
