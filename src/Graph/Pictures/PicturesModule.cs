using ETicket.Domain.Pictures;
using ETicket.Domain.Pictures.Storage;
using ETicket.Graph.Schema;

namespace ETicket.Graph.Pictures;

public static class PicturesModule
{
    /// <summary>
    /// Ticket pictures, where listings are served: upload (uploadTicketPicture), the codes read from
    /// them, Listing.pictures, the admins' review queue, and GET /pictures/... (<see cref="PictureEndpoint"/>).
    /// </summary>
    public static IServiceCollection AddPicturesModule(this IServiceCollection services, byte[] ticketSecretKey, string dataDirectory, PictureStorageKind storage)
    {
        services.AddPicturesDomain(ticketSecretKey, dataDirectory, storage);
        services.AddHttpContextAccessor();
        services.AddScoped<PictureUrls>();
        services.AddScoped<ListingPicturesLoader>();
        services.AddSingleton<IFieldContributor<MutationType>, UploadTicketPictureMutation>();
        services.AddSingleton<IFieldContributor<QueryType>, PictureReviewQueries>();
        services.AddSingleton<IFieldContributor<MutationType>, ResolvePictureReviewMutation>();
        return services;
    }
}
