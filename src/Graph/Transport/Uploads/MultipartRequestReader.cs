using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ETicket.Graph.Transport.Uploads;

/// <summary>
/// Reads a POST in the GraphQL multipart request format (jaydenseric/graphql-multipart-request-spec):
/// multipart/form-data with an <c>operations</c> part (the request as JSON), a <c>map</c> part (which
/// file part goes where in the variables) and the file parts. The files end up in the variables as
/// <see cref="UploadedFile"/> values, which the <c>Upload</c> scalar accepts. Everything is bounded
/// before it is read (<see cref="TransportOptions"/>), and every mistake is a <see cref="RequestProblem"/>.
/// </summary>
public sealed class MultipartRequestReader(GraphQLRequestReader requests, IOptions<TransportOptions> options)
{
    public const string OperationsPart = "operations";
    public const string MapPart = "map";

    /// <summary>RFC 2046's longest boundary.</summary>
    private const int MaxBoundaryLength = 70;

    /// <summary>Clients send Content-Disposition and Content-Type; a few more are tolerated.</summary>
    private const int MaxPartHeaders = 8;

    /// <summary>One part's headers, and also the preamble before the first part and the epilogue after the last.</summary>
    private const int MaxPartHeaderBytes = 8 * 1024;

    /// <summary>A part's boundary line and line breaks, beyond its headers and body.</summary>
    private const int PartFraming = MaxBoundaryLength + 8;

    private const int ChunkBytes = 64 * 1024;

    public async Task<GraphQLHttpRequest> ReadAsync(HttpContext http)
    {
        var settings = options.Value;
        var boundary = Boundary(http.Request.ContentType);
        var limit = MaxBodyBytes(settings);
        var body = RequestBodyStream.Open(http, limit, limit + settings.MaxRequestBytes * GraphQLRequestReader.DrainFactor,
            () => GraphQLRequestReader.TooLarge(limit));
        var reader = new MultipartReader(boundary, body) { HeadersCountLimit = MaxPartHeaders, HeadersLengthLimit = MaxPartHeaderBytes };

        // wx.uploadFile (the mini-program) sends its formData fields, operations and map among them,
        // after the file part; so any order is accepted, and the files are kept (bounded) until both arrive.
        byte[]? operations = null;
        UploadMap? map = null;
        var jsonBytes = 0;
        var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        try
        {
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                var disposition = FormData(section);
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
                if (name is OperationsPart or MapPart)
                {
                    if (name == OperationsPart ? operations is not null : map is not null)
                        throw Problem($"The part `{name}` is sent twice.");
                    var json = await ReadPartAsync(section.Body, settings.MaxRequestBytes - jsonBytes, () => new RequestProblem(
                        StatusCodes.Status413PayloadTooLarge, $"`{OperationsPart}` and `{MapPart}` together are larger than {settings.MaxRequestBytes} bytes."),
                        http.RequestAborted);
                    jsonBytes += json.Length;
                    if (name == OperationsPart)
                        operations = json;
                    else
                        map = ParseMap(json, settings.MaxUploadFiles);
                    continue;
                }
                if (files.ContainsKey(name))
                    throw Problem($"The part `{Shown(name)}` is sent twice.");
                // Known already (map came first): a file nobody placed is refused before it is read.
                if (map is not null && !map.Names(name))
                    throw Problem($"The file part `{Shown(name)}` is not named in `{MapPart}`.");
                if (files.Count == settings.MaxUploadFiles)
                    throw UploadMap.TooManyFiles(settings.MaxUploadFiles);
                files.Add(name, await ReadFileAsync(section, disposition, name, settings.MaxUploadFileBytes, http.RequestAborted));
            }
        }
        catch (InvalidDataException malformed)
        {
            // The multipart reader's own complaints: a header line, too many or too long headers, too long a preamble.
            throw Problem($"The multipart body is malformed: {malformed.Message}");
        }
        catch (IOException)
        {
            // Not the connection (RequestBodyStream answers for that): the framing ended before its closing boundary.
            throw Problem($"The multipart body ended before its closing boundary (--{boundary}--).");
        }
        catch (OperationCanceledException)
        {
            throw RequestBodyStream.ClientLeft(http);
        }

        if (operations is null)
            throw Problem($"The multipart request has no `{OperationsPart}` part (the GraphQL request as JSON).");
        if (map is null)
            throw Problem($"The multipart request has no `{MapPart}` part (which file part goes where in the variables).");
        var request = ParseOperations(operations);
        return request with { Variables = map.Place(request.Variables, files) };
    }

    /// <summary>The largest body a request within the other bounds can be: its JSON, its files, and each part's headers and framing.</summary>
    private static long MaxBodyBytes(TransportOptions settings) =>
        settings.MaxRequestBytes
        + (long)settings.MaxUploadFiles * settings.MaxUploadFileBytes
        + (settings.MaxUploadFiles + 2L) * (MaxPartHeaderBytes + PartFraming)
        + 2L * MaxPartHeaderBytes;

    private static string Boundary(string? contentType)
    {
        var boundary = MediaTypeHeaderValue.TryParse(contentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Boundary) : default;
        if (boundary.Length == 0)
            throw Problem("A multipart/form-data request needs a `boundary` parameter in its Content-Type.");
        if (boundary.Length > MaxBoundaryLength)
            throw Problem($"The multipart boundary is longer than {MaxBoundaryLength} characters (RFC 2046).");
        return boundary.ToString();
    }

    private static ContentDispositionHeaderValue FormData(MultipartSection section) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
        && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase) && HeaderUtilities.RemoveQuotes(disposition.Name).Length > 0
            ? disposition
            : throw Problem("Each part needs a `Content-Disposition: form-data; name=\"...\"` header.");

    private GraphQLHttpRequest ParseOperations(byte[] json)
    {
        using var document = ParseJson(json, OperationsPart);
        return document.RootElement.ValueKind switch
        {
            JsonValueKind.Object => requests.FromJsonObject(document.RootElement),
            JsonValueKind.Array => throw Problem($"`{OperationsPart}` is an array, a batch: batches are not supported; send one request object."),
            _ => throw Problem($"`{OperationsPart}` must be a JSON object with a `query`."),
        };
    }

    private static UploadMap ParseMap(byte[] json, int maxFiles)
    {
        using var document = ParseJson(json, MapPart);
        return UploadMap.Parse(document.RootElement, maxFiles);
    }

    private static JsonDocument ParseJson(byte[] json, string part) =>
        ClientJson.TryParse(json, out var document, out var problem) ? document : throw Problem($"`{part}` is {problem.TrimEnd('.')}.");

    private static async Task<UploadedFile> ReadFileAsync(MultipartSection section, ContentDispositionHeaderValue disposition, string name, int maxBytes,
        CancellationToken cancellationToken)
    {
        var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.ToString() : HeaderUtilities.RemoveQuotes(disposition.FileName).ToString();
        if (fileName.Length > UploadedFile.MaxFileNameLength)
            throw Problem($"The file name in part `{Shown(name)}` is longer than {UploadedFile.MaxFileNameLength} characters.");
        var contentType = string.IsNullOrWhiteSpace(section.ContentType) ? UploadedFile.DefaultContentType : section.ContentType.Trim();
        var bytes = await ReadPartAsync(section.Body, maxBytes, () => new RequestProblem(StatusCodes.Status413PayloadTooLarge,
            $"The file in part `{Shown(name)}` is larger than {maxBytes} bytes."), cancellationToken);
        return new UploadedFile(fileName, contentType, bytes);
    }

    /// <summary>
    /// A part's body, stopping with <paramref name="tooLarge"/> as soon as it passes <paramref name="limit"/>.
    /// Read in pooled chunks and copied once into an array of its exact size, so a kept file holds no slack.
    /// </summary>
    private static async Task<byte[]> ReadPartAsync(Stream part, int limit, Func<RequestProblem> tooLarge, CancellationToken cancellationToken)
    {
        var chunks = new List<(byte[] Array, int Count)>();
        var total = 0;
        try
        {
            int count;
            do
            {
                var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
                chunks.Add((chunk, 0));
                count = 0;
                int read;
                while (count < chunk.Length && (read = await part.ReadAsync(chunk.AsMemory(count), cancellationToken)) > 0)
                {
                    count += read;
                    total += read;
                    if (total > limit)
                        throw tooLarge();
                }
                chunks[^1] = (chunk, count);
            }
            while (count == chunks[^1].Array.Length);

            var bytes = GC.AllocateUninitializedArray<byte>(total);
            var at = 0;
            foreach (var (array, length) in chunks)
            {
                array.AsSpan(0, length).CopyTo(bytes.AsSpan(at));
                at += length;
            }
            return bytes;
        }
        finally
        {
            foreach (var (array, _) in chunks)
                ArrayPool<byte>.Shared.Return(array);
        }
    }

    // A part name in a message: bounded, so a huge one does not come back whole.
    private static string Shown(string name) => name.Length <= 100 ? name : name[..100] + "…";

    private static RequestProblem Problem(string message) => new(StatusCodes.Status400BadRequest, message);
}
