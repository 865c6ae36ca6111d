using System.Text;
using ETicket.Graph.Transport;
using ETicket.Graph.Transport.Uploads;
using GraphQL.SystemTextJson;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ETicket.Tests.Transport.Uploads;

/// <summary>
/// The multipart reader on its own: where files land in the variables, whatever the order of the
/// parts, and a <see cref="RequestProblem"/> with a clear message for every request it refuses.
/// </summary>
public sealed class MultipartRequestReaderTests
{
    private const string Query = "mutation($input: UploadTicketPictureInput!) { uploadTicketPicture(input: $input) { id } }";
    private static readonly byte[] Picture = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
    private static readonly object InputWithFile = new { input = new { file = (object?)null, note = "front" } };

    [Fact]
    public async Task A_file_lands_at_its_path_in_the_variables()
    {
        var body = new MultipartBody()
            .Operations(Query, InputWithFile, "Upload")
            .Map(("0", ["variables.input.file"]))
            .File("0", Picture, "ticket.jpg", "image/jpeg");

        var request = await ReadAsync(body);

        Assert.Equal(Query, request.Query);
        Assert.Equal("Upload", request.OperationName);
        var input = Assert.IsAssignableFrom<IDictionary<string, object?>>(request.Variables!["input"]);
        Assert.Equal("front", input["note"]);
        var file = Assert.IsType<UploadedFile>(input["file"]);
        Assert.Equal("ticket.jpg", file.FileName);
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.Equal(Picture, file.Content.ToArray());
        Assert.Equal(Picture.Length, file.Length);
        using var stream = file.OpenRead();
        Assert.Equal(Picture.Length, stream.Length);
        Assert.False(stream.CanWrite);
    }

    [Fact]
    public async Task Operations_and_map_may_come_after_the_file_as_wx_uploadFile_sends_them()
    {
        var body = new MultipartBody()
            .File("0", Picture)
            .Operations(Query, new { input = new { file = (object?)null } })
            .Map(("0", ["variables.input.file"]));

        var request = await ReadAsync(body);

        Assert.IsType<UploadedFile>(Assert.IsAssignableFrom<IDictionary<string, object?>>(request.Variables!["input"])["file"]);
    }

    [Fact]
    public async Task Map_may_come_before_operations_and_between_the_files()
    {
        var body = new MultipartBody()
            .Map(("a", ["variables.files.0"]), ("b", ["variables.files.1"]))
            .File("b", [2], "b.png", "image/png")
            .Operations(Query, new { files = new object?[] { null, null } })
            .File("a", [1], "a.png", "image/png");

        var request = await ReadAsync(body);

        var files = Assert.IsAssignableFrom<IList<object?>>(request.Variables!["files"]);
        Assert.Equal(["a.png", "b.png"], files.Cast<UploadedFile>().Select(file => file.FileName));
    }

    [Fact]
    public async Task One_file_may_go_to_several_paths_in_lists_and_objects()
    {
        var body = new MultipartBody()
            .Operations(Query, new { first = (object?)null, pictures = new[] { new { file = (object?)null } } })
            .Map(("0", ["variables.first", "variables.pictures.0.file"]))
            .File("0", Picture);

        var request = await ReadAsync(body);

        var first = Assert.IsType<UploadedFile>(request.Variables!["first"]);
        var pictures = Assert.IsAssignableFrom<IList<object?>>(request.Variables["pictures"]);
        Assert.Same(first, Assert.IsAssignableFrom<IDictionary<string, object?>>(pictures[0])["file"]);
    }

    [Fact]
    public async Task No_file_and_an_empty_map_is_a_plain_request()
    {
        var request = await ReadAsync(new MultipartBody().Operations("{ __typename }", new { first = 5 }).Field("map", "{}"));

        Assert.Equal("{ __typename }", request.Query);
        Assert.Equal(5, Convert.ToInt32(request.Variables!["first"]));
    }

    [Fact]
    public async Task A_missing_content_type_is_octet_stream_and_an_RFC_5987_file_name_is_decoded()
    {
        var body = new MultipartBody()
            .Operations(Query, new { file = (object?)null })
            .Map(("0", ["variables.file"]))
            .Part("Content-Disposition: form-data; name=\"0\"; filename=\"ticket.jpg\"; filename*=UTF-8''%E9%97%A8%E7%A5%A8.jpg", Picture);

        var file = Assert.IsType<UploadedFile>((await ReadAsync(body)).Variables!["file"]);

        Assert.Equal("门票.jpg", file.FileName);
        Assert.Equal(UploadedFile.DefaultContentType, file.ContentType);
    }

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=")]
    [InlineData("multipart/form-data; boundary=\"\"")]
    public async Task A_content_type_without_a_boundary_is_refused(string contentType)
    {
        var problem = await RefusedAsync(new MultipartBody().Operations("{ __typename }").Field("map", "{}").ToArray(), contentType);

        Assert.Equal(400, problem.Status);
        Assert.Contains("boundary", problem.Message);
    }

    [Fact]
    public async Task A_boundary_longer_than_RFC_2046_allows_is_refused()
    {
        var boundary = new string('b', 71);

        var problem = await RefusedAsync(new MultipartBody(boundary).Field("map", "{}").ToArray(), $"multipart/form-data; boundary={boundary}");

        Assert.Equal(400, problem.Status);
        Assert.Contains("70", problem.Message);
    }

    public static TheoryData<string, Func<MultipartBody>, string> Refusals => new()
    {
        { "a batch", () => new MultipartBody().Field("operations", """[{"query":"{ __typename }"}]""").Field("map", "{}"), "batches are not supported" },
        { "operations not JSON", () => new MultipartBody().Field("operations", "{query:").Field("map", "{}"), "`operations` is not valid JSON" },
        { "operations without a query", () => new MultipartBody().Field("operations", """{"variables":{}}""").Field("map", "{}"), "`query`" },
        { "operations a string", () => new MultipartBody().Field("operations", "\"{ __typename }\"").Field("map", "{}"), "JSON object" },
        { "no operations", () => new MultipartBody().Field("map", "{}"), "no `operations`" },
        { "no map", () => new MultipartBody().Operations("{ __typename }"), "no `map`" },
        { "operations twice", () => new MultipartBody().Operations("{ __typename }").Operations("{ __typename }").Field("map", "{}"), "`operations` is sent twice" },
        { "map twice", () => new MultipartBody().Operations("{ __typename }").Field("map", "{}").Field("map", "{}"), "`map` is sent twice" },
        { "a file part twice", () => WithFile().File("0", Picture), "`0` is sent twice" },
        { "map not an object", () => new MultipartBody().Operations("{ __typename }").Field("map", """["variables.file"]"""), "`map` must be a JSON object" },
        { "map not JSON", () => new MultipartBody().Operations("{ __typename }").Field("map", "{0:"), "`map` is not valid JSON" },
        { "a map entry not a list", () => new MultipartBody().Operations("{ __typename }").Field("map", """{"0":"variables.file"}"""), "non-empty array" },
        { "a map entry empty", () => new MultipartBody().Operations("{ __typename }").Field("map", """{"0":[]}"""), "non-empty array" },
        { "a map path not a string", () => new MultipartBody().Operations("{ __typename }").Field("map", """{"0":[1]}"""), "non-empty array" },
        { "a path outside the variables", () => WithFile("input.file"), "must point inside the variables" },
        { "a path to the variables themselves", () => WithFile("variables"), "must point inside the variables" },
        { "a path with an empty segment", () => WithFile("variables..file"), "must point inside the variables" },
        { "a path too deep", () => WithFile("variables" + string.Concat(Enumerable.Repeat(".a", UploadMap.MaxPathSegments))), "deeper than" },
        { "a path to a key that does not exist", () => WithFile("variables.input.picture"), "`variables.input.picture` does not exist" },
        { "a path under a value that is not an object", () => WithFile("variables.input.note.file"), "`variables.input.note.file` does not exist" },
        { "a path to a value that is not null", () => WithFile("variables.input.note"), "must point at a null" },
        { "a list index past the end", () => WithFile("variables.files.2", new { files = new object?[] { null, null } }), "`variables.files.2` does not exist" },
        { "a list index that is not a number", () => WithFile("variables.files.first", new { files = new object?[] { null } }), "does not exist" },
        { "a negative list index", () => WithFile("variables.files.-1", new { files = new object?[] { null } }), "does not exist" },
        { "two files at one path", () => new MultipartBody().Operations(Query, InputWithFile)
            .Map(("0", ["variables.input.file"]), ("1", ["variables.input.file"])).File("0", Picture).File("1", Picture), "must point at a null" },
        { "no variables at all", () => new MultipartBody().Operations("{ __typename }").Map(("0", ["variables.file"])).File("0", Picture), "`variables.file` does not exist" },
        { "map naming a part that never came", () => new MultipartBody().Operations(Query, InputWithFile).Map(("0", ["variables.input.file"])), "`map` names the file part `0`" },
        { "a file not in map, map first", () => WithFile().File("1", Picture), "`1` is not named in `map`" },
        { "a file not in map, map last", () => new MultipartBody().File("1", Picture).Operations(Query, InputWithFile).Map(), "`1` is not named in `map`" },
        { "a part without Content-Disposition", () => new MultipartBody().Part("Content-Type: text/plain", [1]), "Content-Disposition" },
        { "a part that is not form-data", () => new MultipartBody().Part("Content-Disposition: attachment; name=\"0\"", [1]), "Content-Disposition" },
        { "a part without a name", () => new MultipartBody().Part("Content-Disposition: form-data; filename=\"a.jpg\"", [1]), "Content-Disposition" },
        { "a header line without a colon", () => new MultipartBody().Part("Content-Disposition form-data", [1]), "malformed" },
        { "too many header lines", () => new MultipartBody().Part(string.Join("\r\n", Enumerable.Range(0, 20).Select(i => $"X-{i}: {i}")), [1]), "malformed" },
        { "a file name longer than any file system allows", () => new MultipartBody().File("0", Picture, new string('a', 256) + ".jpg"), "longer than 255" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_malformed_request_is_refused_with_400_saying_why(string mistake, Func<MultipartBody> body, string saying)
    {
        var problem = await RefusedAsync(body().ToArray(), MultipartBody.DefaultBoundary);

        Assert.True(problem.Status == 400, $"{mistake}: {problem.Status} {problem.Message}");
        Assert.Contains(saying, problem.Message);
        Assert.Equal("BAD_USER_INPUT", problem.Code);
    }

    [Fact]
    public async Task A_body_without_its_closing_boundary_is_refused()
    {
        var problem = await RefusedAsync(WithFile().ToArray(closed: false), MultipartBody.DefaultBoundary);

        Assert.Equal(400, problem.Status);
        Assert.Contains("closing boundary", problem.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"query":"{ __typename }"}""")]
    [InlineData("--eticket-test-boundary")]
    [InlineData("--eticket-test-boundary\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{}")]
    public async Task Broken_framing_is_refused_with_400(string text)
    {
        var problem = await RefusedAsync(Encoding.UTF8.GetBytes(text), MultipartBody.DefaultBoundary);

        Assert.Equal(400, problem.Status);
    }

    [Fact]
    public async Task More_files_than_allowed_get_413_without_reading_the_extra_one()
    {
        var body = new MultipartBody().File("0", Picture).File("1", Picture).File("2", Picture);

        var problem = await RefusedAsync(body.ToArray(), MultipartBody.DefaultBoundary, new TransportOptions { MaxUploadFiles = 2 });

        Assert.Equal(413, problem.Status);
        Assert.Contains("at most 2 files", problem.Message);
    }

    [Fact]
    public async Task A_map_with_more_entries_than_files_allowed_gets_413()
    {
        var body = new MultipartBody().Operations("{ __typename }").Map(("0", ["variables.a"]), ("1", ["variables.b"]), ("2", ["variables.c"]));

        var problem = await RefusedAsync(body.ToArray(), MultipartBody.DefaultBoundary, new TransportOptions { MaxUploadFiles = 2 });

        Assert.Equal(413, problem.Status);
    }

    [Fact]
    public async Task No_files_allowed_refuses_every_file()
    {
        var problem = await RefusedAsync(WithFile().ToArray(), MultipartBody.DefaultBoundary, new TransportOptions { MaxUploadFiles = 0 });

        Assert.Equal(413, problem.Status);
    }

    [Fact]
    public async Task A_file_one_byte_over_the_limit_gets_413_naming_its_part()
    {
        var settings = new TransportOptions { MaxUploadFileBytes = 100 };
        var atLimit = new MultipartBody().Operations(Query, new { file = (object?)null }).Map(("0", ["variables.file"])).File("0", new byte[100]);
        var overLimit = new MultipartBody().Operations(Query, new { file = (object?)null }).Map(("0", ["variables.file"])).File("0", new byte[101]);

        var accepted = await ReadAsync(atLimit, settings);
        var problem = await RefusedAsync(overLimit.ToArray(), MultipartBody.DefaultBoundary, settings);

        Assert.Equal(100, Assert.IsType<UploadedFile>(accepted.Variables!["file"]).Length);
        Assert.Equal(413, problem.Status);
        Assert.Contains("part `0` is larger than 100 bytes", problem.Message);
    }

    [Fact]
    public async Task A_file_larger_than_a_read_chunk_arrives_whole()
    {
        var bytes = new byte[200_000];
        new Random(19).NextBytes(bytes);
        var body = new MultipartBody().Operations(Query, new { file = (object?)null }).Map(("0", ["variables.file"])).File("0", bytes);

        var file = Assert.IsType<UploadedFile>((await ReadAsync(body)).Variables!["file"]);

        Assert.Equal(bytes, file.Content.ToArray());
    }

    [Fact]
    public async Task Operations_and_map_together_are_bounded_by_MaxRequestBytes()
    {
        var settings = new TransportOptions { MaxRequestBytes = 200 };
        var body = new MultipartBody().Operations("{ __typename }", new { note = new string('x', 120) }).Map(("0", ["variables.note"]));

        var problem = await RefusedAsync(body.ToArray(), MultipartBody.DefaultBoundary, settings);

        Assert.Equal(413, problem.Status);
        Assert.Contains("together are larger than 200 bytes", problem.Message);
    }

    [Fact]
    public async Task A_declared_length_past_what_the_limits_allow_gets_413_before_reading()
    {
        var http = Request(WithFile().ToArray(), MultipartBody.DefaultBoundary);
        http.Request.ContentLength = 1L << 40;

        var problem = await Assert.ThrowsAsync<RequestProblem>(() => Reader(new TransportOptions()).ReadAsync(http));

        Assert.Equal(413, problem.Status);
        Assert.Equal(0, http.Request.Body.Position);
    }

    private static MultipartBody WithFile(string path = "variables.input.file", object? variables = null) => new MultipartBody()
        .Operations(Query, variables ?? InputWithFile)
        .Map(("0", [path]))
        .File("0", Picture);

    private static Task<GraphQLHttpRequest> ReadAsync(MultipartBody body, TransportOptions? settings = null) =>
        Reader(settings ?? new TransportOptions()).ReadAsync(Request(body.ToArray(), MultipartBody.DefaultBoundary));

    /// <param name="contentType">A whole Content-Type, or just the boundary.</param>
    private static Task<RequestProblem> RefusedAsync(byte[] body, string contentType, TransportOptions? settings = null) =>
        Assert.ThrowsAsync<RequestProblem>(() => Reader(settings ?? new TransportOptions()).ReadAsync(Request(body, contentType)));

    private static MultipartRequestReader Reader(TransportOptions settings)
    {
        var options = Options.Create(settings);
        return new MultipartRequestReader(new GraphQLRequestReader(new GraphQLSerializer(), options), options);
    }

    private static DefaultHttpContext Request(byte[] body, string contentType)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = contentType.StartsWith("multipart/", StringComparison.Ordinal) ? contentType : $"multipart/form-data; boundary={contentType}";
        http.Request.ContentLength = body.Length;
        http.Request.Body = new MemoryStream(body);
        return http;
    }
}
