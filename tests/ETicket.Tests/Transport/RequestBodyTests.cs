using System.Text;

namespace ETicket.Tests.Transport;

/// <summary>POST bodies: what is accepted, and a clear 4xx (never a 500) for everything else.</summary>
public sealed class RequestBodyTests(PlatformServerFixture platform) : IClassFixture<PlatformServerFixture>
{
    private const string Typename = """{"query":"{ __typename }"}""";

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task A_body_that_is_not_UTF_8_JSON_gets_415(string? contentType)
    {
        var answer = await platform.Server.PostRawAsync(Typename, contentType);

        TransportAssert.Refused(answer, 415, "BAD_USER_INPUT");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task JSON_in_UTF_8_is_accepted(string contentType)
    {
        var answer = await platform.Server.PostRawAsync(Typename, contentType);

        Assert.Equal(200, answer.Status);
        Assert.Equal("Query", answer.Data?["__typename"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"query":""")]
    [InlineData("""{query: "{ __typename }"}""")]
    [InlineData("""{"query":"{ __typename }"} trailing""")]
    [InlineData("""{"query":"{ __typename }" /* comment */}""")]
    [InlineData("   ")]
    public async Task Bad_JSON_gets_400(string body)
    {
        var answer = await platform.Server.PostRawAsync(body, accept: Media.GraphQLResponse);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
        Assert.Contains("not valid JSON", answer.FirstErrorMessage);
    }

    [Fact]
    public async Task An_empty_body_gets_400()
    {
        var answer = await platform.Server.PostRawAsync("");

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
        Assert.Contains("empty", answer.FirstErrorMessage);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[{"query":"{ __typename }"}]""")]
    [InlineData("\"{ __typename }\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task A_body_that_is_not_a_JSON_object_gets_400(string body)
    {
        var answer = await platform.Server.PostRawAsync(body);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
    }

    [Theory]
    [InlineData("""{}""", "`query`")]
    [InlineData("""{"query":null}""", "`query`")]
    [InlineData("""{"query":1}""", "`query`")]
    [InlineData("""{"query":["{ __typename }"]}""", "`query`")]
    [InlineData("""{"query":{"text":"{ __typename }"}}""", "`query`")]
    [InlineData("""{"query":"{ __typename }","operationName":1}""", "`operationName`")]
    [InlineData("""{"query":"{ __typename }","operationName":["A"]}""", "`operationName`")]
    [InlineData("""{"query":"{ __typename }","variables":"{}"}""", "`variables`")]
    [InlineData("""{"query":"{ __typename }","variables":[]}""", "`variables`")]
    [InlineData("""{"query":"{ __typename }","variables":false}""", "`variables`")]
    [InlineData("""{"query":"{ __typename }","extensions":"{}"}""", "`extensions`")]
    [InlineData("""{"query":"{ __typename }","extensions":[1]}""", "`extensions`")]
    public async Task A_parameter_of_the_wrong_type_gets_400_naming_it(string body, string parameter)
    {
        var answer = await platform.Server.PostRawAsync(body, accept: Media.GraphQLResponse);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
        Assert.Contains(parameter, answer.FirstErrorMessage);
    }

    [Fact]
    public async Task Null_optional_parameters_and_extensions_are_accepted()
    {
        var nulls = await platform.Server.PostRawAsync("""{"query":"{ __typename }","operationName":null,"variables":null,"extensions":null}""", accept: Media.GraphQLResponse);
        var extensions = await platform.Server.PostRawAsync("""{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1},"trace":true}}""", accept: Media.GraphQLResponse);

        Assert.Equal(200, nulls.Status);
        Assert.Equal(200, extensions.Status);
        Assert.Null(extensions.Errors);
    }

    [Fact]
    public async Task A_body_that_is_not_valid_UTF_8_gets_400()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("""{"query":"{ __typename \"""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\" }\"}")];

        var answer = await platform.Server.PostRawAsync(body);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
        Assert.Contains("UTF-8", answer.FirstErrorMessage);
    }

    [Fact]
    public async Task A_UTF_8_byte_order_mark_is_ignored()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Typename)];

        var answer = await platform.Server.PostRawAsync(body);

        Assert.Equal(200, answer.Status);
        Assert.Equal("Query", answer.Data?["__typename"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_1_MB_query_gets_413_with_a_JSON_error()
    {
        var answer = await platform.Server.PostRawAsync(OneMegabyteQuery(), accept: Media.GraphQLResponse);

        TransportAssert.Refused(answer, 413, "BAD_USER_INPUT");
        TransportAssert.MediaType(answer, Media.GraphQLResponse);
    }

    [Fact]
    public async Task A_1_MB_query_sent_without_a_length_gets_413_with_a_JSON_error()
    {
        // A stream that cannot tell its length: HttpClient sends it chunked, without Content-Length.
        var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(OneMegabyteQuery())));
        content.Headers.ContentType = new("application/json");

        var answer = await platform.Server.SendRawAsync(HttpMethod.Post, "/graphql", content);

        TransportAssert.Refused(answer, 413, "BAD_USER_INPUT");
    }

    [Fact]
    public async Task A_document_nested_too_deeply_is_the_clients_error_not_ours()
    {
        var depth = 2000;
        var query = "{ " + string.Concat(Enumerable.Repeat("__type(name: \\\"Query\\\") { ofType { ", depth)) + "name" + new string('}', depth * 2 + 1);

        var answer = await platform.Server.PostRawAsync($$"""{"query":"{{query}}"}""", accept: Media.GraphQLResponse);

        TransportAssert.Refused(answer, 400, "QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task Variables_nested_too_deeply_get_400()
    {
        var list = new string('[', 500) + new string(']', 500);

        var answer = await platform.Server.PostRawAsync($$$"""{"query":"{ __typename }","variables":{"v":{{{list}}}}}""");

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
    }

    private static string OneMegabyteQuery() => $$"""{"query":"{ __typename {{new string(' ', 1024 * 1024)}} }"}""";

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
