using ETicket.Domain.Pictures.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using ETicket.Graph.Transport.Uploads;
using GraphQL.Types;

namespace ETicket.Graph.Pictures;

public sealed class UploadTicketPictureInput
{
    public UploadedFile? File { get; set; }
}

public sealed class UploadTicketPictureInputType : InputObjectGraphType<UploadTicketPictureInput>
{
    public UploadTicketPictureInputType()
    {
        Name = "UploadTicketPictureInput";
        Field(i => i.File, type: typeof(NonNullGraphType<UploadScalar>))
            .Description("A JPEG, PNG or WebP picture of the ticket (at most 5 MB and 4096×4096), sent as a GraphQL multipart request (docs/pictures.md).");
    }
}

public sealed class UploadTicketPictureMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<TicketPicturePayloadType, UploadTicketPictureInputType, UploadTicketPictureInput, PictureView>("uploadTicketPicture",
                (ctx, input) => ctx.Service<PictureUploads>().UploadAsync(ctx.RequireViewerId(), input.File!.Content, ctx.CancellationToken)
                    .ShownSignedAsync(ctx.Service<PictureUrls>()))
            .Description("Uploads a picture of a ticket for a listing to come: checked, re-encoded without its metadata, its QR code or barcode read. " +
                         "Pass the answered `id` in publishListing's `pictureIds`; a picture no listing takes is removed after a day.");
}
