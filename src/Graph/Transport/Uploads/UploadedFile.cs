using System.Runtime.InteropServices;

namespace ETicket.Graph.Transport.Uploads;

/// <summary>
/// One file of a multipart request, whole in memory (the transport bounds its size), as the
/// <c>Upload</c> scalar hands it to a resolver. The name and content type are what the client said:
/// untrusted, for display at most; what the bytes are is for the domain to find out.
/// </summary>
public sealed class UploadedFile
{
    /// <summary>The longest file name kept: the longest any common file system allows.</summary>
    public const int MaxFileNameLength = 255;

    public const string DefaultContentType = "application/octet-stream";

    public UploadedFile(string fileName, string contentType, ReadOnlyMemory<byte> content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fileName.Length, MaxFileNameLength, nameof(fileName));
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    /// <summary>The client's name for the file, without any meaning here; empty when it gave none.</summary>
    public string FileName { get; }

    /// <summary>The part's Content-Type as the client gave it; <see cref="DefaultContentType"/> when it gave none.</summary>
    public string ContentType { get; }

    /// <summary>The file's bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    public int Length => Content.Length;

    /// <summary>A read-only stream over <see cref="Content"/>, for APIs that read streams (an image decoder).</summary>
    public Stream OpenRead() => MemoryMarshal.TryGetArray(Content, out var segment)
        ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
        : new MemoryStream(Content.ToArray(), writable: false);

    // What logs and error messages may show: never the bytes.
    public override string ToString() => $"uploaded file \"{FileName}\" ({ContentType}, {Length} bytes)";
}
