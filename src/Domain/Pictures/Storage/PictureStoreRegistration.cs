using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Pictures.Storage;

public static class PictureStoreRegistration
{
    /// <summary>
    /// The <see cref="IPictureStore"/> of <paramref name="kind"/>, as a singleton: files under
    /// <paramref name="dataDirectory"/>/pictures, or the bucket <see cref="S3StorageOptions.Section"/>
    /// describes, whose settings are then required and checked when the host starts.
    /// </summary>
    public static IServiceCollection AddPictureStore(this IServiceCollection services, PictureStorageKind kind, string dataDirectory)
    {
        switch (kind)
        {
            case PictureStorageKind.DataDirectory:
                services.AddSingleton<IPictureStore>(new DataDirectoryPictureStore(dataDirectory));
                break;
            case PictureStorageKind.S3:
                services.AddOptions<S3StorageOptions>()
                    .BindConfiguration(S3StorageOptions.Section)
                    .ValidateOnStart();
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3StorageOptions>, S3StorageOptionsValidation>());
                // Made by the container, so disposed with it.
                services.AddSingleton<IPictureStore>(provider => new S3PictureStore(provider.GetRequiredService<IOptions<S3StorageOptions>>().Value));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Pictures are stored in the data directory or in S3.");
        }
        return services;
    }
}
