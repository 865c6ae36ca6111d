using ETicket.Graph.Transport.Uploads;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ETicket.Graph.Schema;

/// <summary>
/// The <c>Upload</c> scalar of the GraphQL multipart request spec: a file, input only. Its value is an
/// <see cref="UploadedFile"/> that the transport put into the variables from a file part
/// (<see cref="MultipartRequestReader"/>), or a small file written as a <c>data:</c> URL string
/// variable (base64), so a JSON request, and the IDE, which cannot attach files without a ChilliCream
/// account, can try an upload within the JSON request limit (docs/ide.md). A literal and any other
/// value are told how to send a file.
/// </summary>
public sealed class UploadScalar : ScalarGraphType
{
    public const string SendAsFile =
        "An Upload is a file sent in a multipart/form-data POST (the GraphQL multipart request: `operations`, `map` and the file parts): "
        + "give it as a variable set to null in `operations` and map a file part to it; or, for a small file, a variable holding a data: URL (data:image/png;base64,...).";

    private const string DataUrlPrefix = "data:";
    private const string Base64Marker = ";base64,";

    public UploadScalar()
    {
        Name = "Upload";
        Description = "A file sent with the GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec). Input only.";
    }

    public override object? ParseLiteral(GraphQLValue value) =>
        value is GraphQLNullValue ? null : throw new FormatException(SendAsFile);

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        UploadedFile file => file,
        string text when text.StartsWith(DataUrlPrefix, StringComparison.OrdinalIgnoreCase) => FromDataUrl(text),
        _ => throw new FormatException(SendAsFile),
    };

    /// <summary>A <c>data:[type];base64,...</c> URL as a file; its size is already bounded by the request's.</summary>
    private static UploadedFile FromDataUrl(string url)
    {
        var marker = url.IndexOf(Base64Marker, StringComparison.OrdinalIgnoreCase);
        if (marker < 0)
            throw new FormatException("A data: URL for an Upload must be base64 (data:image/png;base64,...).");
        var bytes = new byte[(url.Length - marker - Base64Marker.Length) / 4 * 3 + 3];
        if (!Convert.TryFromBase64Chars(url.AsSpan(marker + Base64Marker.Length), bytes, out var written))
            throw new FormatException("The data: URL's base64 could not be read.");
        var contentType = url[DataUrlPrefix.Length..marker];
        return new UploadedFile("data-url", contentType.Length is > 0 and <= 100 ? contentType : "application/octet-stream", bytes.AsMemory(0, written));
    }

    // Input only: no field returns a file.
    public override object? Serialize(object? value) => value is null ? null : ThrowSerializationError(value);
}
