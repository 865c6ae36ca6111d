using ETicket.Tests.Infrastructure;
using ETicket.Tests.Transport;

namespace ETicket.Tests.Limits;

/// <summary>
/// Introspection (`__schema`, `__type`) is on in Development and off elsewhere unless
/// ETicket:Query:Introspection says otherwise; `__typename` always works.
/// </summary>
public sealed class IntrospectionSettingTests
{
    private const string Schema = "{ __schema { queryType { name } } }";
    private const string Type = "{ __type(name: \"Listing\") { name } }";

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Staging", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public async Task Introspection_follows_the_environment_unless_configured(string environment, string? setting, bool answered)
    {
        var settings = new Dictionary<string, string?>(ProductionKeys.Settings);
        if (setting is not null)
            settings["ETicket:Query:Introspection"] = setting;
        await using var server = await PlatformServer.StartAsync(settings, environment);

        foreach (var query in new[] { Schema, Type, LimitRequests.StandardIntrospection })
        {
            var response = await server.PostAsync(query);
            if (answered)
                response.Ok();
            else
            {
                LimitAssert.Refused(response, "BAD_USER_INPUT");
                Assert.Equal("Introspection queries are not allowed.", response.Errors![0]!["message"]!.GetValue<string>());
            }
        }
        Assert.Equal("Query", (await server.PostAsync("{ __typename listings(first: 1) { nodes { __typename } } }")).Ok()["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Introspection_turned_off_is_refused_before_execution()
    {
        await using var server = await PlatformServer.StartAsync(LimitRequests.Settings(("Introspection", false)));

        var answer = await server.PostRawAsync($$"""{"query":"{{Schema}}"}""", accept: Media.GraphQLResponse);

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
        Assert.NotNull(answer.FirstError?["locations"]);
    }
}
