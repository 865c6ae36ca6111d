using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Wanted;

public sealed class WantedRequestReferenceTests
{
    [Fact]
    public async Task The_tickets_subgraph_resolves_wanted_request_references_in_one_batch()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("eticket-wanted-").FullName;
        SignedInMember member;
        // Sign-in is the members subgraph's; the token works in the tickets subgraph on the same data.
        await using (var members = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Role"] = "Members" }, dataDirectory: dataDirectory))
            member = await members.SignInAsync("13800000001");
        await using (var tickets = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Role"] = "Tickets" }, dataDirectory: dataDirectory))
        {
            var ids = new List<string>();
            for (var i = 1; i <= 3; i++)
                ids.Add(await tickets.PostWantedOkAsync(member, WantedRequestRequests.Concert($"Wanted {i}")));
            tickets.SqlCommands.Reset();

            var representations = ids.Append("0000000000000000000000000000abcd")
                .Select(id => new Dictionary<string, object> { ["__typename"] = "WantedRequest", ["id"] = id }).ToArray();
            var entities = (await tickets.PostAsync(
                "query($r: [_Any!]!) { _entities(representations: $r) { ... on WantedRequest { id keywords member { id } } } }",
                new { r = representations })).Ok()["_entities"]!.AsArray();

            Assert.Equal(ids, entities.Take(3).Select(e => e!["id"]!.GetValue<string>()));
            Assert.Equal("Wanted 2", entities[1]!["keywords"]!.GetValue<string>());
            Assert.Equal(member.Id, entities[0]!["member"]!["id"]!.GetValue<string>());
            Assert.Null(entities[3]);
            Assert.Single(tickets.SqlCommands.Commands);
        }
        Directory.Delete(dataDirectory, recursive: true);
    }
}
