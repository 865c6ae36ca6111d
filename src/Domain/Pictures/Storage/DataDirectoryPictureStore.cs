using System.Security.Cryptography;
using System.Text;

namespace ETicket.Domain.Pictures.Storage;

/// <summary>
/// Pictures as files under <c>&lt;data directory&gt;/pictures/</c>, the embedded default. A file is
/// written beside its final name and renamed over it, so a reader sees the old picture or the new one,
/// never part of one. Files spread over two levels of 256 folders each, chosen by a hash of the key.
/// </summary>
public sealed class DataDirectoryPictureStore : IPictureStore
{
    public const string FolderName = "pictures";

    // Keys start with a letter or digit (PictureKey), so no key is ever a temporary file's name.
    private const string TemporaryPrefix = ".";

    private readonly string _root;

    /// <param name="dataDirectory">The platform's data directory; a relative path starts at the working directory.</param>
    public DataDirectoryPictureStore(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        _root = Path.Combine(Path.GetFullPath(dataDirectory), FolderName);
    }

    /// <summary>The folder the pictures are in.</summary>
    public string Root => _root;

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        cancellationToken.ThrowIfCancellationRequested();
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        // Each put its own temporary file: concurrent puts of one key never write into the same file.
        var temporary = Path.Combine(folder, $"{TemporaryPrefix}{key}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
                PreallocationSize = content.Length,
            }))
            {
                await file.WriteAsync(content, cancellationToken);
                // On disk before the rename: after a crash the name holds a whole picture, not an empty file.
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // FileShare.Delete lets a put replace the file (and a delete remove it) while it is read, on Windows too.
            Stream stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever stored in its folder.
        }
        return Task.CompletedTask;
    }

    /// <summary>The file of <paramref name="key"/>: <c>pictures/3f/a2/key</c>.</summary>
    private string PathOf(string key)
    {
        PictureKey.ThrowIfInvalid(key);
        // A hash, not the key's first characters: keys may begin with a timestamp, and those
        // characters would put years of pictures in one folder.
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes(key), hash);
        return Path.Combine(_root, hash[0].ToString("x2"), hash[1].ToString("x2"), key);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
