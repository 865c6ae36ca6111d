
namespace ETicket.Tests.Transport;

/// <summary>Content negotiation, and the status codes GraphQL over HTTP gives each response media type.</summary>
public sealed class MediaTypeAndStatusTests(PlatformServerFixture platform) : IClassFixture<PlatformServerFixture>
{
    private const string ParseError = """{"query":"{ __typename"}""";
    private const string ValidationError = """{"query":"{ noSuchField }"}""";
    private const string VariableCoercionError = """{"query":"query($n: Int) { listings(first: $n) { totalCount } }","variables":{"n":"many"}}""";

    [Theory]
    [InlineData(null, Media.Json)]
    [InlineData("*/*", Media.Json)]
    [InlineData("application/*", Media.Json)]
    [InlineData(Media.Json, Media.Json)]
    [InlineData(Media.GraphQLResponse, Media.GraphQLResponse)]
    [InlineData("application/json, application/graphql-response+json", Media.GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", Media.Json)]
    [InlineData("text/html, application/graphql-response+json;q=0.9, */*;q=0.8", Media.GraphQLResponse)]
    public async Task The_response_media_type_follows_Accept(string? accept, string expected)
    {
        var answer = await platform.Server.PostRawAsync("""{"query":"{ __typename }"}""", accept: accept);

        Assert.Equal(200, answer.Status);
        TransportAssert.MediaType(answer, expected);
        Assert.Equal("Query", answer.Data?["__typename"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    [InlineData("application/json;q=0")]
    public async Task An_unacceptable_Accept_gets_406(string accept)
    {
        var answer = await platform.Server.PostRawAsync("""{"query":"{ __typename }"}""", accept: accept);

        TransportAssert.Refused(answer, 406, "BAD_USER_INPUT");
    }

    [Theory]
    [InlineData(ParseError)]
    [InlineData(ValidationError)]
    [InlineData(VariableCoercionError)]
    public async Task A_request_that_cannot_execute_is_400_in_graphql_response_json(string body)
    {
        var answer = await platform.Server.PostRawAsync(body, accept: Media.GraphQLResponse);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
        TransportAssert.MediaType(answer, Media.GraphQLResponse);
        Assert.NotNull(answer.FirstError?["locations"]);
    }

    [Theory]
    [InlineData(ParseError)]
    [InlineData(ValidationError)]
    [InlineData(VariableCoercionError)]
    public async Task A_request_that_cannot_execute_is_200_in_application_json(string body)
    {
        var answer = await platform.Server.PostRawAsync(body, accept: Media.Json);

        TransportAssert.Refused(answer, 200, "BAD_USER_INPUT");
        TransportAssert.MediaType(answer, Media.Json);
    }

    [Fact]
    public async Task Text_is_UTF_8_both_ways()
    {
        // The coercion error repeats the value, so the Chinese text makes the round trip.
        var answer = await platform.Server.PostRawAsync(
            """{"query":"query($n: Int) { listings(first: $n) { totalCount } }","variables":{"n":"周杰伦演唱会"}}""",
            contentType: "application/json; charset=utf-8");

        TransportAssert.MediaType(answer, Media.Json);
        Assert.Contains("周杰伦演唱会", answer.FirstErrorMessage);
        Assert.Contains("周杰伦演唱会", answer.Text); // as UTF-8, not \u escapes
    }

    [Fact]
    public async Task Problems_are_answered_in_the_accepted_media_type()
    {
        var answer = await platform.Server.PostRawAsync("{", accept: Media.GraphQLResponse);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
        TransportAssert.MediaType(answer, Media.GraphQLResponse);
    }
}
