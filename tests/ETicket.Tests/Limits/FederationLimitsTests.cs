using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Limits;

/// <summary>The subgraphs under the limits: what Hive Gateway sends them still runs.</summary>
public sealed class FederationLimitsTests
{
    private const string Entities = "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Member { id nickname } } }";

    [Fact]
    public async Task An_entities_call_costs_its_selection_once_per_representation()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Role"] = "Members",
            // Refuses the call, and the refusal says what it cost.
            ["ETicket:Query:MaxDepth"] = "1",
        });

        var extensions = LimitAssert.Refused(await server.PostAsync(Entities, new { representations = Members(3) }));

        Assert.Equal(1 + 3 * 2, extensions["complexity"]!.GetValue<double>());
    }

    [Fact]
    public async Task The_gateway_can_resolve_every_seller_of_many_pages_in_one_entities_call()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Role"] = "Members" });

        // As many members as fit in the default 256 KB body: far more than any admitted query references.
        var entities = (await server.PostAsync(Entities, new { representations = Members(3_000) })).Ok()["_entities"]!.AsArray();

        Assert.Equal(3_000, entities.Count);
    }

    [Theory]
    [InlineData("Members")]
    [InlineData("Tickets")]
    public async Task A_subgraph_outside_Development_serves_its_SDL_with_introspection_off(string role)
    {
        var settings = new Dictionary<string, string?>(ProductionKeys.Settings) { ["ETicket:Role"] = role };
        await using var server = await PlatformServer.StartAsync(settings, "Production");

        var sdl = (await server.PostAsync("{ _service { sdl } }")).Ok()["_service"]!["sdl"]!.GetValue<string>();

        Assert.Contains("@key(fields: \"id\")", sdl);
        LimitAssert.Refused(await server.PostAsync("{ __schema { types { name } } }"), "BAD_USER_INPUT");
    }

    private static object[] Members(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new { __typename = "Member", id = i.ToString("x32") })];
}
