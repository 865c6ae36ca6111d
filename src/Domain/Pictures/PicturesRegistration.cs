using ETicket.Domain.Marketplace;
using ETicket.Domain.Pictures.Imaging;
using ETicket.Domain.Pictures.Services;
using ETicket.Domain.Pictures.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ETicket.Domain.Pictures;

public static class PicturesRegistration
{
    /// <summary>
    /// Ticket pictures (<c>ETicket:Pictures</c>): upload, reading codes, storage in <paramref name="storage"/>
    /// (under <paramref name="dataDirectory"/> by default), signed addresses keyed from <paramref name="ticketSecretKey"/>.
    /// </summary>
    public static IServiceCollection AddPicturesDomain(this IServiceCollection services, byte[] ticketSecretKey, string dataDirectory, PictureStorageKind storage)
    {
        services.AddOptions<PictureOptions>().BindConfiguration(PictureOptions.Section).ValidateOnStart();
        services.AddPictureImaging();
        services.AddPictureStore(storage, dataDirectory);
        services.TryAddSingleton(new PictureUrlSigner(ticketSecretKey));
        services.TryAddScoped<PictureUploads>();
        services.TryAddScoped<ListingPictures>();
        services.TryAddScoped<SimilarPictures>();
        services.TryAddScoped<PictureAccess>();
        services.TryAddScoped<PictureReader>();
        services.TryAddScoped<PictureReviews>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMarketplaceSweep, PurgeUnusedPictures>());
        return services;
    }
}
