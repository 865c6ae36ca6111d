using System.Text;
using System.Text.Json;

namespace ETicket.Tests.Transport.Uploads;

/// <summary>
/// A multipart/form-data body written byte for byte, its parts in the order the test adds them, so a
/// test can send what clients send (operations after the file, as wx.uploadFile does) and what they should not.
/// </summary>
public sealed class MultipartBody(string boundary = MultipartBody.DefaultBoundary)
{
    public const string DefaultBoundary = "eticket-test-boundary";

    private readonly List<byte> _bytes = [];

    public string ContentType => $"multipart/form-data; boundary={boundary}";

    /// <summary>The <c>operations</c> part: the request as JSON.</summary>
    public MultipartBody Operations(string query, object? variables = null, string? operationName = null) =>
        Field("operations", JsonSerializer.Serialize(new { query, variables, operationName }));

    /// <summary>The <c>map</c> part: file part name to paths.</summary>
    public MultipartBody Map(params (string Part, string[] Paths)[] entries) =>
        Field("map", JsonSerializer.Serialize(entries.ToDictionary(entry => entry.Part, entry => entry.Paths)));

    public MultipartBody Field(string name, string value) =>
        Part($"Content-Disposition: form-data; name=\"{name}\"", Encoding.UTF8.GetBytes(value));

    public MultipartBody File(string name, byte[] content, string fileName = "ticket.jpg", string? contentType = "image/jpeg") =>
        Part($"Content-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"" + (contentType is null ? "" : $"\r\nContent-Type: {contentType}"), content);

    /// <summary>A part with exactly these header lines (CRLF between them) and content.</summary>
    public MultipartBody Part(string headers, byte[] content)
    {
        _bytes.AddRange(Encoding.UTF8.GetBytes($"--{boundary}\r\n{headers}\r\n\r\n"));
        _bytes.AddRange(content);
        _bytes.AddRange("\r\n"u8.ToArray());
        return this;
    }

    /// <summary>The body; <paramref name="closed"/> false leaves out the closing boundary, as a body cut short would.</summary>
    public byte[] ToArray(bool closed = true) => closed ? [.. _bytes, .. Encoding.UTF8.GetBytes($"--{boundary}--\r\n")] : [.. _bytes];
}
