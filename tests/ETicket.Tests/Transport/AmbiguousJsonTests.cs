using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Transport;

/// <summary>
/// JSON that is well-formed but cannot be read one way: a key given twice (which value counts?) and an
/// escaped half of a surrogate pair (no string can hold it); and a number no double holds. Refused with 400, like any bad JSON, over
/// POST, GET and Server-Sent Events, and never logged as a server failure. (WebSocket messages:
/// WebSocketProtocolTests.)
/// </summary>
public sealed class AmbiguousJsonTests : IClassFixture<ClientMistakesFixture>
{
    private static readonly string[] Accepts = [Media.Json, Media.GraphQLResponse, Media.ServerSentEventStream];

    public AmbiguousJsonTests(ClientMistakesFixture platform)
    {
        Server = platform.Server;
        Server.Logs().Clear();
    }

    private PlatformServer Server { get; }

    [Theory]
    [InlineData("""{"query":"{ __typename }","query":"{ __schema { queryType { name } } }"}""")]
    [InlineData("""{"query":"{ __typename }","operationName":null,"operationName":"A"}""")]
    [InlineData("""{"query":"{ __typename }","variables":{"f":1,"f":2}}""")]
    [InlineData("""{"query":"{ __typename }","extensions":{"f":1,"f":2}}""")]
    [InlineData("""{"query":"{ __typename }","variables":{"input":{"a":{"b":1,"b":2}}}}""")]
    [InlineData("""{"query":"{ __typename }","variables":{"list":[{"b":1,"b":2}]}}""")]
    [InlineData("""{"query":"{ __typename }","variables":{"f":1,"\u0066":2}}""")]
    public Task A_key_given_twice_gets_400(string body) => PostRefusedAsync(body, "not valid JSON");

    [Theory]
    [InlineData("""{"query":"{ __typename }\ud800"}""")]
    [InlineData("""{"query":"{ __typename }\udc00"}""")]
    [InlineData("""{"query":"{ __typename }\ud800\u0041"}""")]
    [InlineData("""{"query":"{ __typename }\ud800x"}""")]
    [InlineData("""{"query":"{ __typename }\uDC00\uD800"}""")]
    [InlineData("""{"query":"{ __typename }","operationName":"\ud800"}""")]
    [InlineData("""{"query":"{ __typename }","variables":{"v":"\udfff"}}""")]
    [InlineData("""{"query":"{ __typename }","variables":{"\ud800":1}}""")]
    [InlineData("""{"query":"{ __typename }","extensions":{"e":["\ud800"]}}""")]
    [InlineData("""{"\ud800":1,"query":"{ __typename }"}""")]
    public Task An_escaped_lone_surrogate_gets_400(string body) => PostRefusedAsync(body, "surrogate");

    [Theory]
    [InlineData("""{"query":"subscription { listingPublished { id } }","variables":{"x":1e400}}""")]
    [InlineData("""{"query":"{ __typename }","variables":{"x":-1e400}}""")]
    [InlineData("""{"query":"{ __typename }","extensions":{"x":[1E+309]}}""")]
    public Task A_number_past_a_double_gets_400(string body) => PostRefusedAsync(body, "beyond a double");

    [Theory]
    [InlineData("variables", """{"f":1,"f":2}""")]
    [InlineData("extensions", """{"f":1,"f":2}""")]
    [InlineData("variables", """{"v":"\ud800"}""")]
    [InlineData("extensions", """{"\udc00":1}""")]
    public async Task GET_with_such_JSON_in_a_parameter_gets_400_naming_it(string name, string json)
    {
        foreach (var accept in Accepts)
        {
            var answer = await Server.GetRawAsync([("query", "{ __typename }"), (name, json)], accept: accept);

            TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
            Assert.Contains($"`{name}`", answer.FirstErrorMessage);
        }
        Server.AssertNoWarnings();
    }

    /// <summary>Posts <paramref name="body"/> for each kind of answer: 400, BAD_USER_INPUT, a message that says <paramref name="why"/>, and nothing logged.</summary>
    private async Task PostRefusedAsync(string body, string why)
    {
        foreach (var accept in Accepts)
        {
            var answer = await Server.PostRawAsync(body, accept: accept);

            TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
            Assert.Contains(why, answer.FirstErrorMessage);
        }
        Server.AssertNoWarnings();
    }

    [Theory]
    [InlineData("""{"query":"{ __typename }","variables":{"ticket":"\ud83c\udfab"}}""")] // a surrogate pair: 🎫
    [InlineData("""{"query":"{ __typename }","variables":{"path":"C:\\ud800"}}""")] // an escaped backslash, then text
    [InlineData("""{"query":"{ __typename }","variables":{"a":{"f":1},"b":{"f":2}}}""")] // one key in two objects
    [InlineData("""{"query":"{ __typename }","variables":{"big":123456789012345678901234567890,"small":1e-400}}""")] // within a double's range
    public async Task JSON_that_only_looks_alike_is_accepted(string body)
    {
        var answer = await Server.PostRawAsync(body, accept: Media.GraphQLResponse);

        Assert.Equal(200, answer.Status);
        Assert.Equal("Query", answer.Data?["__typename"]?.GetValue<string>());
    }
}
