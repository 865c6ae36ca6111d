using ETicket.Domain.Pictures.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Pictures;

public sealed class ResolvePictureReviewInput
{
    public string PictureId { get; set; } = "";
    public bool WithdrawListing { get; set; }
}

public sealed class ResolvePictureReviewInputType : InputObjectGraphType<ResolvePictureReviewInput>
{
    public ResolvePictureReviewInputType()
    {
        Name = "ResolvePictureReviewInput";
        Field(i => i.PictureId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.WithdrawListing).Description("true: the picture is a copy, its listing leaves the market; false: it is fine, the flag is cleared.");
    }
}

public sealed class ResolvePictureReviewMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<TicketPicturePayloadType, ResolvePictureReviewInputType, ResolvePictureReviewInput, PictureView>("resolvePictureReview",
                (ctx, input) => ctx.Service<PictureReviews>().ResolveAsync(ctx.RequireViewerId(), input.PictureId, input.WithdrawListing, ctx.CancellationToken)
                    .ShownSignedAsync(ctx.Service<PictureUrls>()))
            .Description("ADMIN only: settles a flagged picture (pictureReviews).");
}
