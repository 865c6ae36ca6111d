
namespace ETicket.Tests.Transport;

/// <summary>GET and POST parameters, operation selection, and the methods the endpoint refuses.</summary>
public sealed class MethodAndParameterTests(PlatformServerFixture platform) : IClassFixture<PlatformServerFixture>
{
    private const string TwoQueries = "query A { a: __typename } query B { b: __typename }";
    private const string QueryAndMutation = "query Read { __typename } mutation Write { __typename }";

    [Fact]
    public async Task GET_takes_variables_and_extensions_as_URL_encoded_JSON()
    {
        var answer = await platform.Server.GetRawAsync([
            ("query", "query($name: String!) { __type(name: $name) { name } }"),
            ("variables", """{"name":"Query"}"""),
            ("extensions", """{"trace":true}"""),
        ], accept: Media.GraphQLResponse);

        Assert.Equal(200, answer.Status);
        TransportAssert.MediaType(answer, Media.GraphQLResponse);
        Assert.Equal("Query", answer.Data?["__type"]?["name"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("variables", "{")]
    [InlineData("variables", "[1]")]
    [InlineData("variables", "\"x\"")]
    [InlineData("extensions", "42")]
    public async Task GET_with_a_parameter_that_is_not_a_JSON_object_gets_400(string name, string value)
    {
        var answer = await platform.Server.GetRawAsync([("query", "{ __typename }"), (name, value)]);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
        Assert.Contains($"`{name}`", answer.FirstErrorMessage);
    }

    [Fact]
    public async Task GET_without_a_query_gets_400()
    {
        var answer = await platform.Server.GetRawAsync([("operationName", "A")], accept: Media.Json);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
    }

    [Fact]
    public async Task GET_with_the_query_given_twice_gets_400()
    {
        var answer = await platform.Server.GetRawAsync([("query", "{ __typename }"), ("query", "{ __schema { queryType { name } } }")]);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
    }

    [Fact]
    public async Task GET_longer_than_Kestrels_request_line_limit_gets_414()
    {
        // Kestrel refuses it before the endpoint runs, so there is no body; POST takes documents up to the body limit.
        var answer = await platform.Server.GetRawAsync([("query", "{ __typename " + new string(' ', 16 * 1024) + "}")]);

        Assert.Equal(414, answer.Status);
    }

    [Theory]
    [InlineData("mutation { __typename }", null)]
    [InlineData(QueryAndMutation, "Write")]
    public async Task A_mutation_over_GET_gets_405_allowing_POST(string query, string? operationName)
    {
        var parameters = new List<(string, string)> { ("query", query) };
        if (operationName is not null)
            parameters.Add(("operationName", operationName));

        var answer = await platform.Server.GetRawAsync(parameters, accept: Media.GraphQLResponse);

        TransportAssert.Refused(answer, 405, "BAD_USER_INPUT");
        Assert.Equal("POST", answer.Header("Allow"));
    }

    [Fact]
    public async Task A_query_over_GET_runs_even_when_the_document_also_holds_a_mutation()
    {
        var answer = await platform.Server.GetRawAsync([("query", QueryAndMutation), ("operationName", "Read")]);

        Assert.Equal(200, answer.Status);
        Assert.Equal("Query", answer.Data?["__typename"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task Other_methods_get_405_allowing_GET_and_POST(string method)
    {
        var answer = await platform.Server.SendRawAsync(new HttpMethod(method), "/graphql", new StringContent("""{"query":"{ __typename }"}"""));

        TransportAssert.Refused(answer, 405, "BAD_USER_INPUT");
        Assert.Equal("GET, POST", answer.Header("Allow"));
    }

    [Theory]
    [InlineData("A", "a")]
    [InlineData("B", "b")]
    public async Task operationName_selects_the_operation_over_POST(string operationName, string field)
    {
        var answer = await platform.Server.PostRawAsync($$"""{"query":"{{TwoQueries}}","operationName":"{{operationName}}"}""");

        Assert.Equal(200, answer.Status);
        Assert.Equal("Query", answer.Data?[field]?.GetValue<string>());
        Assert.Single(answer.Data!.AsObject());
    }

    [Fact]
    public async Task operationName_selects_the_operation_over_GET()
    {
        var answer = await platform.Server.GetRawAsync([("query", TwoQueries), ("operationName", "B")]);

        Assert.Equal(200, answer.Status);
        Assert.Equal("Query", answer.Data?["b"]?.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("C")]
    public async Task An_operationName_that_selects_nothing_is_the_clients_error(string? operationName)
    {
        var name = operationName is null ? "null" : $"\"{operationName}\"";

        var answer = await platform.Server.PostRawAsync($$"""{"query":"{{TwoQueries}}","operationName":{{name}}}""", accept: Media.GraphQLResponse);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
    }
}
