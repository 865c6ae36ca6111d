using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Orders.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Subscriptions;
using ETicket.Graph.Members;
using ETicket.Graph.Pictures;
using ETicket.Graph.Querying;
using ETicket.Graph.Schema;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

// Graph types are registered for every role (assembly scan), so constructors take only services
// every role has; module services are looked up when a field resolves.
public sealed class ListingType : ObjectGraphType<Listing>
{
    public const string TypeName = "Listing";

    public ListingType(SchemaRole role, IMemberResolver members)
    {
        Name = TypeName;
        if (role.IsFederated)
        {
            this.Key("id");
            this.ResolveReference<ListingReference, Listing>((ctx, reference) =>
                ctx.Service<ListingLoader>().Load(reference.Id));
        }
        Field<NonNullGraphType<IdGraphType>>("id").Reads(nameof(Listing.Id)).Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<TicketCategoryType>>("category").Reads(nameof(Listing.Category)).Resolve(ctx => ctx.Source.Category);
        Field<NonNullGraphType<StringGraphType>>("title").Reads(nameof(Listing.Title)).Resolve(ctx => ctx.Source.Title);
        Field<StringGraphType>("description").Reads(nameof(Listing.Id))
            .Resolve(ctx => ctx.Service<ListingTextLoader>().Load(ctx.Source.Id).Then(text => text?.Description));
        Field<StringGraphType>("country").Reads(nameof(Listing.Country)).Resolve(ctx => ctx.Source.Country);
        Field<StringGraphType>("city").Reads(nameof(Listing.City)).Resolve(ctx => ctx.Source.City);
        Field<StringGraphType>("venue").Reads(nameof(Listing.Venue))
            .Description("Cinema, theatre, attraction or shop.")
            .Resolve(ctx => ctx.Source.Venue);
        Field<DateTimeScalar>("startsAt").Reads(nameof(Listing.StartsAt))
            .Description("Event start (FILM, CONCERT, SHOW, ADMISSION) or validity start (FOOD, ENTERTAINMENT).")
            .Resolve(ctx => ctx.Source.StartsAt);
        Field<DateTimeScalar>("endsAt").Reads(nameof(Listing.EndsAt))
            .Description("Validity end (FOOD, ENTERTAINMENT, ADMISSION).")
            .Resolve(ctx => ctx.Source.EndsAt);
        Field<StringGraphType>("seat").Reads(nameof(Listing.Seat)).Resolve(ctx => ctx.Source.Seat);
        Field<NonNullGraphType<DecimalScalar>>("faceValue").Reads(nameof(Listing.FaceValue)).Resolve(ctx => ctx.Source.FaceValue);
        Field<NonNullGraphType<DecimalScalar>>("price").Reads(nameof(Listing.Price)).Resolve(ctx => ctx.Source.Price);
        Field<NonNullGraphType<ListingStatusType>>("status").Reads(nameof(Listing.Status), nameof(Listing.ExpiresAt))
            .Description("As of now: a listing past its expiry is EXPIRED even before the sweep records it.")
            .Resolve(ctx => ctx.Source.StatusAt(ctx.Service<TimeProvider>().Now()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("imageUrls").Reads(nameof(Listing.ImageUrls))
            .Resolve(ctx => ctx.Source.ImageUrls);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TicketPictureType>>>>("pictures").Reads(nameof(Listing.Id), nameof(Listing.SellerId))
            .Description("The pictures its seller uploaded, in order. One that shows the ticket code is listed only for who may see `ticketCode`, with addresses that expire.")
            .DependsOnViewer()
            .Resolve(ctx =>
            {
                var pictures = ctx.Service<ListingPicturesLoader>().Load(ctx.Source.Id);
                var (access, urls, listing, viewer) = (ctx.Service<TicketCodeAccess>(), ctx.Service<PictureUrls>(), ctx.Source, ctx.ViewerId());
                return new Deferred<IEnumerable<PictureView>>(async ct =>
                {
                    var all = await pictures.GetResultAsync(ct) ?? [];
                    var maySeeCode = all.Any(p => p.ShowsCode) && await access.MaySeeAsync(viewer, listing.Id, listing.SellerId, ct);
                    return all.Where(p => !p.ShowsCode || maySeeCode).Select(urls.For).ToList();
                });
            });
        var seller = Field<NonNullGraphType<MemberType>>("seller").Reads(nameof(Listing.SellerId));
        if (role.ServesMembers)
            seller.Resolve(ctx => members.ResolveReferenced(ctx, ctx.Source.SellerId));
        else
            seller.Provides(SellerProfileFields.Provided).Resolve(ctx => SellerProfileOf(ctx.Service<SellerProfileLoader>(), ctx.Source.SellerId));
        Field<NonNullGraphType<DateTimeScalar>>("publishedAt").Reads(nameof(Listing.PublishedAt)).Resolve(ctx => ctx.Source.PublishedAt);
        Field<StringGraphType>("ticketCode").Reads(nameof(Listing.Id), nameof(Listing.SellerId))
            .Description("The secret e-ticket code or QR payload: only its seller, and the buyer while their order is PAID, DISPUTED or COMPLETED, see it.")
            .DependsOnViewer()
            .Resolve(ctx =>
            {
                // Queued now, so a page's ciphertexts load in one batch; decrypted only for who may see them.
                var text = ctx.Service<ListingTextLoader>().Load(ctx.Source.Id);
                var (access, vault, listing, viewer) = (ctx.Service<TicketCodeAccess>(), ctx.Service<TicketCodeVault>(), ctx.Source, ctx.ViewerId());
                return new Deferred<string?>(async ct => await access.MaySeeAsync(viewer, listing.Id, listing.SellerId, ct)
                    ? (await text.GetResultAsync(ct))?.RevealTicketCode(vault)
                    : null);
            });
    }

    /// <summary>The seller as the tickets subgraph knows them: their profile copy, or a stand-in for a seller without one.</summary>
    private static IDataLoaderResult<IEntity?> SellerProfileOf(SellerProfileLoader profiles, string sellerId) =>
        profiles.Load(sellerId).Then<SellerProfile?, IEntity?>(profile => profile ?? SellerProfile.StandIn(sellerId));

}
