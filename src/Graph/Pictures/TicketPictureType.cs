using ETicket.Domain.Listings;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using ETicket.Graph.Subscriptions;
using GraphQL.Types;

namespace ETicket.Graph.Pictures;

public sealed class TicketPictureType : ObjectGraphType<PictureView>
{
    public TicketPictureType()
    {
        Name = "TicketPicture";
        Description = "A picture of a ticket its seller uploaded: re-encoded without metadata, with a thumbnail. " +
                      "One that shows the ticket code is as secret as the code (docs/pictures.md).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The upload id publishListing's `pictureIds` takes.")
            .Resolve(ctx => ctx.Source.Picture.Id);
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(ctx => ctx.Source.Image.Url);
        Field<NonNullGraphType<StringGraphType>>("thumbnailUrl").Resolve(ctx => ctx.Source.Thumbnail.Url);
        Field<DateTimeScalar>("urlExpiresAt")
            .Description("When `url` and `thumbnailUrl` stop working (ask again for new ones); null when they are public and do not expire.")
            .Resolve(ctx => ctx.Source.Image.ExpiresAt);
        Field<NonNullGraphType<IntGraphType>>("width").Resolve(ctx => ctx.Source.Picture.Width);
        Field<NonNullGraphType<IntGraphType>>("height").Resolve(ctx => ctx.Source.Picture.Height);
        Field<NonNullGraphType<BooleanGraphType>>("showsTicketCode")
            .Description("A QR code or barcode was read from it: it is shown only to who may see the listing's ticketCode.")
            .Resolve(ctx => ctx.Source.Picture.ShowsCode);
        Field<StringGraphType>("ticketCode")
            .Description("To its uploader only: the code read from the picture, which a listing published with it and no typed code takes.")
            .DependsOnViewer()
            .Resolve(ctx => ctx.ViewerId() == ctx.Source.Picture.UploaderId ? ctx.Source.Picture.RevealCode(ctx.Service<TicketCodeVault>()) : null);
        Field<StringGraphType>("codeFormat").Description("The symbology the code was read in: QR_CODE, CODE_128, EAN_13...")
            .Resolve(ctx => ctx.Source.Picture.CodeFormat);
    }
}
