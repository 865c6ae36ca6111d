using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ETicket.Domain.Pictures.Imaging;

public static class PictureImagingRegistration
{
    /// <summary>
    /// <see cref="PictureProcessor"/>, one per process so that its <see cref="PictureProcessingGate"/> limits the
    /// whole process. It reads <see cref="PictureOptions"/>; binding them to <c>ETicket:Pictures</c> is the host's.
    /// </summary>
    public static IServiceCollection AddPictureImaging(this IServiceCollection services)
    {
        services.AddOptions<PictureOptions>();
        services.TryAddSingleton<PictureProcessor>();
        return services;
    }
}
