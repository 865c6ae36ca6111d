using ETicket.Domain.Pictures.Storage;

namespace ETicket.Domain.Pictures.Services;

internal static class PictureFiles
{
    /// <summary>Removes a picture's files: the picture and its thumbnail.</summary>
    public static async Task DeleteAsync(IPictureStore store, TicketPicture picture, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(picture.ImageKey, cancellationToken);
        await store.DeleteAsync(picture.ThumbnailKey, cancellationToken);
    }

    /// <summary>Removes a picture's files; a failure leaves files nothing addresses, which is harmless, so it is not raised.</summary>
    public static async Task DeleteQuietlyAsync(IPictureStore store, TicketPicture picture)
    {
        try
        {
            await DeleteAsync(store, picture, CancellationToken.None);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // Nothing to do: see the summary.
        }
    }
}
