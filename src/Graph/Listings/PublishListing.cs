using ETicket.Domain.Listings;
using ETicket.Domain.Listings.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

public sealed class PublishListingInput
{
    public TicketCategory Category { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }
    public string? Venue { get; set; }
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    public string? Seat { get; set; }
    public decimal FaceValue { get; set; }
    public decimal Price { get; set; }
    public string TicketCode { get; set; } = "";
    public List<string>? ImageUrls { get; set; }
    public List<string>? PictureIds { get; set; }
    public string? IdempotencyKey { get; set; }

    public NewListing ToCommand() => new(
        Category, Title, FaceValue, Price, TicketCode, Description, Country, City, Venue, StartsAt, EndsAt, Seat, ImageUrls, PictureIds);
}

public sealed class PublishListingInputType : InputObjectGraphType<PublishListingInput>
{
    public PublishListingInputType()
    {
        Name = "PublishListingInput";
        Field(i => i.Category, type: typeof(NonNullGraphType<TicketCategoryType>));
        Field(i => i.Title);
        Field(i => i.Description, nullable: true);
        Field(i => i.Country, nullable: true);
        Field(i => i.City, nullable: true);
        Field(i => i.Venue, nullable: true);
        Field(i => i.StartsAt, type: typeof(DateTimeScalar));
        Field(i => i.EndsAt, type: typeof(DateTimeScalar));
        Field(i => i.Seat, nullable: true);
        Field(i => i.FaceValue, type: typeof(NonNullGraphType<DecimalScalar>));
        Field(i => i.Price, type: typeof(NonNullGraphType<DecimalScalar>));
        Field(i => i.TicketCode).Description("The secret code or QR payload; only the seller and a paying buyer ever see it. " +
            "Empty (\"\") with `pictureIds`: the code read from the pictures.");
        Field(i => i.ImageUrls, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>));
        Field(i => i.PictureIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>))
            .Description("Pictures uploaded with uploadTicketPicture, in the order shown (at most 6). A code read from them is the listing's code when `ticketCode` is empty, " +
                         "and must match it otherwise.");
        Field(i => i.IdempotencyKey, nullable: true)
            .Description("Same key + same input returns the first result again; same key with a different input is an IDEMPOTENCY_KEY_REUSED error. Keys are per member, kept 24 hours.");
    }
}

public sealed class PublishListingMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<ListingPayloadType, PublishListingInputType, PublishListingInput, Listing>("publishListing",
            (ctx, input) => ctx.Service<ListingPublisher>().PublishAsync(ctx.RequireViewerId(), input.ToCommand(), input.IdempotencyKey, ctx.CancellationToken));
}
