namespace ETicket.Domain.Pictures.Storage;

/// <summary>
/// Where the bytes of stored pictures live: the data directory on the embedded default, an
/// S3-compatible bucket when configured. Keys are opaque, made by the platform (never from a client's
/// file name), and say nothing of who uploaded the picture.
/// </summary>
public interface IPictureStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>, replacing what was there.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when nothing is stored under <paramref name="key"/>. The caller disposes the stream.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes what is stored under <paramref name="key"/>; nothing there is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
