using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ETicket.Graph.Schema;
using ETicket.Tests.Infrastructure;
using ETicket.Tests.Transport.Streaming;

namespace ETicket.Tests.Transport.Uploads;

/// <summary>
/// The GraphQL multipart request over real HTTP: files reach a resolver through the <c>Upload</c>
/// scalar, whatever the order of the parts; every refusal is a transport problem (4xx, a GraphQL-shaped
/// body with BAD_USER_INPUT, no internals, nothing logged); and no other way of sending a request can
/// pass an <c>Upload</c> off as anything else.
/// </summary>
public sealed class MultipartUploadTests : IClassFixture<MultipartUploadFixture>
{
    private const string EchoQuery = "query($file: Upload) { uploadEcho(file: $file) }";
    private const string EchoMutation = "mutation($input: EchoUploadInput!) { echoUpload(input: $input) }";
    private static readonly byte[] Picture = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];

    public MultipartUploadTests(MultipartUploadFixture platform)
    {
        Server = platform.Server;
        Server.Logs().Clear();
    }

    private PlatformServer Server { get; }

    [Fact]
    public async Task A_file_reaches_the_resolver_of_a_query()
    {
        var body = new MultipartBody()
            .Operations(EchoQuery, new { file = (object?)null })
            .Map(("0", ["variables.file"]))
            .File("0", Picture, "ticket.jpg", "image/jpeg");

        var answer = await PostAsync(body, Media.GraphQLResponse);

        Assert.Equal(200, answer.Status);
        TransportAssert.MediaType(answer, Media.GraphQLResponse);
        Assert.Equal("ticket.jpg|image/jpeg|6|FFD8FFE00010", answer.Data?["uploadEcho"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_repeated_document_gets_each_requests_own_file()
    {
        // The second request's document is prepared already (DocumentCache): its variables still are its own.
        const string query = "query Repeated($file: Upload) { uploadEcho(file: $file) }";
        MultipartBody With(byte content) => new MultipartBody()
            .Operations(query, new { file = (object?)null }).Map(("0", ["variables.file"])).File("0", [content], "t.jpg", "image/jpeg");

        var first = await PostAsync(With(1));
        var second = await PostAsync(With(2));

        Assert.Equal("t.jpg|image/jpeg|1|01", first.Data?["uploadEcho"]?.GetValue<string>());
        Assert.Equal("t.jpg|image/jpeg|1|02", second.Data?["uploadEcho"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_mutation_input_gets_its_file_when_operations_and_map_come_after_it_as_from_wx_uploadFile()
    {
        var body = new MultipartBody()
            .File("0", Picture, "wxfile_tmp_1.jpg", contentType: null)
            .Operations(EchoMutation, new { input = new { file = (object?)null, note = "front" } })
            .Map(("0", ["variables.input.file"]));

        var answer = await PostAsync(body);

        Assert.Equal(200, answer.Status);
        Assert.Null(answer.Errors);
        Assert.Equal("front:wxfile_tmp_1.jpg|application/octet-stream|6|FFD8FFE00010", answer.Data?["echoUpload"]?.GetValue<string>());
    }

    [Fact]
    public async Task Several_files_fill_a_list_in_their_mapped_order()
    {
        var body = new MultipartBody()
            .Operations("query($files: [Upload!]!) { uploadsEcho(files: $files) }", new { files = new object?[] { null, null } })
            .Map(("second", ["variables.files.1"]), ("first", ["variables.files.0"]))
            .File("second", [2], "b.png", "image/png")
            .File("first", [1], "a.png", "image/png");

        var answer = await PostAsync(body);

        Assert.Equal(200, answer.Status);
        Assert.Equal(["a.png|image/png|1|01", "b.png|image/png|1|02"], answer.Data!["uploadsEcho"]!.AsArray().Select(item => item!.GetValue<string>()));
    }

    [Fact]
    public async Task HttpClients_own_multipart_content_works_with_a_UTF_8_file_name()
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(JsonSerializer.Serialize(new { query = EchoQuery, variables = new { file = (object?)null } })), "operations");
        content.Add(new StringContent("""{"0":["variables.file"]}"""), "map");
        var file = new ByteArrayContent(Picture);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "0", "门票.jpg");

        var answer = await Server.SendRawAsync(HttpMethod.Post, "/graphql", content);

        Assert.Equal(200, answer.Status);
        Assert.Equal("门票.jpg|image/jpeg|6|FFD8FFE00010", answer.Data?["uploadEcho"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("batch", 400)]
    [InlineData("no map", 400)]
    [InlineData("file not in map", 400)]
    [InlineData("map names a missing file", 400)]
    [InlineData("path to a value", 400)]
    [InlineData("no boundary", 400)]
    [InlineData("no closing boundary", 400)]
    [InlineData("not multipart at all", 400)]
    [InlineData("too many files", 413)]
    [InlineData("file too large", 413)]
    public async Task A_refused_upload_looks_like_every_other_transport_refusal(string mistake, int status)
    {
        var (bytes, contentType) = Mistake(mistake);

        var answer = await Server.PostRawAsync(bytes, contentType, accept: Media.GraphQLResponse);

        TransportAssert.Refused(answer, status, "BAD_USER_INPUT");
        TransportAssert.MediaType(answer, Media.GraphQLResponse);
        Server.AssertNoWarnings();
    }

    [Fact]
    public async Task A_bad_token_is_refused_before_the_files_are_read()
    {
        var (bytes, contentType) = Mistake("valid");

        var answer = await Server.PostRawAsync(bytes, contentType, authorization: "Bearer not-a-token");

        TransportAssert.Refused(answer, 401, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_declared_length_past_the_limits_gets_413_before_the_body_is_sent()
    {
        using var connection = await RawConnection.OpenAsync(Server);

        await connection.SendAsync("POST /graphql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + $"Content-Type: multipart/form-data; boundary={MultipartBody.DefaultBoundary}\r\nContent-Length: 1000000000\r\n\r\n");

        var answer = await connection.ReadAnswerAsync();
        TransportAssert.Refused(answer, 413, "BAD_USER_INPUT");
    }

    [Fact]
    public async Task A_client_that_resets_the_connection_mid_file_is_not_a_server_failure()
    {
        var body = new MultipartBody().Operations(EchoQuery, new { file = (object?)null }).Map(("0", ["variables.file"])).File("0", new byte[2000]).ToArray();
        using (var connection = await RawConnection.OpenAsync(Server))
        {
            await connection.SendAsync("POST /graphql HTTP/1.1\r\nHost: localhost\r\n"
                + $"Content-Type: multipart/form-data; boundary={MultipartBody.DefaultBoundary}\r\nContent-Length: {body.Length}\r\n\r\n");
            await connection.SendAsync(body[..(body.Length / 2)]);
            connection.Reset();
        }

        await Server.ConnectionsEndedAsync(1);
        Server.AssertNoWarnings();
    }

    [Fact]
    public async Task Server_sent_events_carry_no_files()
    {
        var (bytes, contentType) = Mistake("valid");

        var answer = await Server.PostRawAsync(bytes, contentType, accept: Media.ServerSentEventStream);

        TransportAssert.Refused(answer, 415, "BAD_USER_INPUT");
    }

    [Fact]
    public async Task An_Upload_variable_in_a_JSON_request_is_refused_saying_how_to_send_a_file()
    {
        var answer = await Server.PostRawAsync(JsonSerializer.Serialize(new { query = EchoQuery, variables = new { file = "ticket.jpg" } }),
            accept: Media.GraphQLResponse);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
        Assert.Contains(UploadScalar.SendAsFile, answer.FirstErrorMessage);
    }

    [Fact]
    public async Task A_small_file_written_as_a_data_url_in_a_JSON_request_is_taken()
    {
        var answer = await Server.PostRawAsync(JsonSerializer.Serialize(new { query = EchoQuery, variables = new { file = "data:image/jpeg;base64," + Convert.ToBase64String(Picture) } }),
            accept: Media.GraphQLResponse);

        Assert.Equal(200, answer.Status);
        Assert.Equal($"data-url|image/jpeg|{Picture.Length}|{Convert.ToHexString(Picture)}", answer.Data!["uploadEcho"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_Upload_written_in_the_document_is_refused()
    {
        var answer = await Server.PostRawAsync("""{"query":"{ uploadEcho(file: \"ticket.jpg\") }"}""", accept: Media.GraphQLResponse);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
        // GraphQL.NET's validation words this itself, as for every scalar literal: "Expected type 'Upload', found ...".
        Assert.Contains("'Upload'", answer.FirstErrorMessage);
    }

    [Fact]
    public async Task An_Upload_variable_over_GET_is_refused()
    {
        var answer = await Server.GetRawAsync([("query", EchoQuery), ("variables", """{"file":"ticket.jpg"}""")], accept: Media.GraphQLResponse);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
        Assert.Contains(UploadScalar.SendAsFile, answer.FirstErrorMessage);
    }

    [Fact]
    public async Task An_Upload_variable_over_Server_sent_events_is_refused()
    {
        await using var stream = await ServerSentEventReader.PostAsync(Server, EchoQuery, new { file = "ticket.jpg" });

        var next = await stream.NextAsync();
        Assert.Equal("BAD_USER_INPUT", next.Json!["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
        Assert.Contains(UploadScalar.SendAsFile, next.Json!["errors"]?[0]?["message"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_Upload_variable_over_a_WebSocket_is_refused()
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);

        await socket.SubscribeAsync("1", EchoQuery, new { file = new { name = "ticket.jpg" } });

        var error = await socket.NextForAsync("1");
        var errors = error["type"]?.GetValue<string>() == "error" ? error["payload"] : error["payload"]?["errors"];
        Assert.Equal("BAD_USER_INPUT", errors?[0]?["extensions"]?["code"]?.GetValue<string>());
        Assert.Contains(UploadScalar.SendAsFile, errors?[0]?["message"]?.GetValue<string>());
    }

    private Task<RawAnswer> PostAsync(MultipartBody body, string? accept = null) =>
        Server.PostRawAsync(body.ToArray(), body.ContentType, accept);

    private static (byte[] Body, string ContentType) Mistake(string mistake)
    {
        var operations = new { file = (object?)null };
        var body = new MultipartBody();
        _ = mistake switch
        {
            "valid" => body.Operations(EchoQuery, operations).Map(("0", ["variables.file"])).File("0", Picture),
            "batch" => body.Field("operations", JsonSerializer.Serialize(new[] { new { query = EchoQuery } })).Field("map", "{}"),
            "no map" => body.Operations(EchoQuery, operations).File("0", Picture),
            "file not in map" => body.Operations(EchoQuery, operations).Map().File("0", Picture),
            "map names a missing file" => body.Operations(EchoQuery, operations).Map(("0", ["variables.file"])),
            "path to a value" => body.Operations(EchoQuery, new { file = "x" }).Map(("0", ["variables.file"])).File("0", Picture),
            "no boundary" => body.Operations(EchoQuery, operations).Map(("0", ["variables.file"])).File("0", Picture),
            "no closing boundary" => body.Operations(EchoQuery, operations).Map(("0", ["variables.file"])).File("0", Picture),
            "not multipart at all" => body,
            // Files first, as wx.uploadFile sends them: the one past the limit is refused before map is seen.
            "too many files" => body.File("0", Picture).File("1", Picture).File("2", Picture).File("3", Picture)
                .Operations(EchoQuery, operations).Map(("0", ["variables.file"])),
            "file too large" => body.Operations(EchoQuery, operations).Map(("0", ["variables.file"])).File("0", new byte[MultipartUploadFixture.MaxUploadFileBytes + 1]),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        return mistake switch
        {
            "no boundary" => (body.ToArray(), "multipart/form-data"),
            "no closing boundary" => (body.ToArray(closed: false), body.ContentType),
            "not multipart at all" => (Encoding.UTF8.GetBytes($$"""{"query":"{{EchoQuery}}"}"""), body.ContentType),
            _ => (body.ToArray(), body.ContentType),
        };
    }
}
