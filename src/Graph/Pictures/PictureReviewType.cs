using ETicket.Domain.Pictures;
using ETicket.Graph.Common;
using GraphQL.Types;

namespace ETicket.Graph.Pictures;

/// <summary>A flagged picture as admins review it: both pictures are shown through signed addresses.</summary>
public sealed class PictureReviewType : ObjectGraphType<TicketPicture>
{
    public PictureReviewType()
    {
        Name = "PictureReview";
        Description = "ADMIN only: a picture without a readable code that looks like one already on the market (a near-identical perceptual hash).";
        Field<NonNullGraphType<TicketPictureType>>("picture").Resolve(ctx => ctx.Service<PictureUrls>().Signed(ctx.Source));
        Field<NonNullGraphType<IdGraphType>>("listingId").Description("The listing the flagged picture was published with.")
            .Resolve(ctx => ctx.Source.ListingId);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(ctx => ctx.Source.ReviewReason);
        Field<TicketPictureType>("similarTo").Description("The picture on the market it looks like.")
            .ResolveAsync(async ctx => ctx.Source.SimilarToPictureId is { } id
                && await ctx.Service<Domain.Pictures.Services.PictureReader>().FindAsync(id, ctx.CancellationToken) is { } original
                    ? ctx.Service<PictureUrls>().Signed(original)
                    : null);
    }
}
