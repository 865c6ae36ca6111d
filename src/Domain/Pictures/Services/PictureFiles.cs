using ETicket.Domain.Pictures.Storage;

namespace ETicket.Domain.Pictures.Services;

internal static class PictureFiles
{
    /// <summary>Removes a picture's files; a failure leaves files nothing addresses, which is harmless, so it is not raised.</summary>
    public static async Task DeleteQuietlyAsync(IPictureStore store, TicketPicture picture)
    {
        try
        {
            await store.DeleteAsync(picture.ImageKey, CancellationToken.None);
            await store.DeleteAsync(picture.ThumbnailKey, CancellationToken.None);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // Nothing to do: see the summary.
        }
    }
}
