using ETicket.Domain.Members;
using ETicket.Graph.Members;
using ETicket.Graph.Schema;
using ETicket.Tests.Infrastructure;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Querying;

/// <summary>Members load with only the columns the operation's Member fields read (MemberLoader); answers do not change.</summary>
public sealed class MemberColumnsTests
{
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_page_of_sellers_by_nickname_reads_ids_and_nicknames(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001", "Seller");
        await server.SeedAsync(seller.Id, 2, i => ListingSeeds.Concert($"C{i}", 100m));

        server.SqlCommands.Reset();
        var nodes = (await server.PostAsync("{ listings(first: 2) { nodes { seller { nickname } } } }")).Ok()["listings"]!["nodes"]!.AsArray();

        Assert.All(nodes, n => Assert.Equal("Seller", n!["seller"]!["nickname"]!.GetValue<string>()));
        var members = Assert.Single(server.SqlCommands.Commands, c => c.Contains("Members", StringComparison.Ordinal));
        Assert.Contains("Nickname", members);
        foreach (var notShown in new[] { "PhoneNumber", "JoinedAt", "OpenId", "Gender", "CreditPoints" })
            Assert.DoesNotContain(notShown, members);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Each_field_of_a_seller_asked_alone_is_what_it_is_among_all_of_them(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001", "Seller");
        await server.SeedAsync(seller.Id, 1, _ => ListingSeeds.Concert("C", 100m));
        string[] fields = ["__typename", "id", "nickname", "avatarUrl", "gender", "creditPoints", "membershipLevel", "blacklisted", "phoneNumber", "roles", "joinedAt", "completedTrades"];

        foreach (var token in new string?[] { null, seller.AccessToken })
        {
            async Task<System.Text.Json.Nodes.JsonNode> SellerAsync(string selection) =>
                (await server.PostAsync($"{{ listings(first: 1) {{ nodes {{ seller {{ {selection} }} }} }} }}", accessToken: token)).Ok()["listings"]!["nodes"]![0]!["seller"]!;

            // Each request loads only what it asks: one field at a time must read what all of them do.
            var all = await SellerAsync(string.Join(" ", fields));
            Assert.Equal("Seller", all["nickname"]!.GetValue<string>());
            foreach (var field in fields)
                Assert.Equal(all[field]?.ToJsonString() ?? "null", (await SellerAsync(field))[field]?.ToJsonString() ?? "null");
        }
    }

    [Fact]
    public async Task Members_loaded_for_one_operation_are_loaded_again_when_the_next_needs_more()
    {
        await using var server = await PlatformServer.StartAsync();
        var member = await server.SignInAsync("13800000001", "Someone");
        await using var scope = server.Services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<MemberLoader>();
        var schema = server.Services.GetRequiredService<ETicketSchema>();

        var first = (Member?)await loader.Load(Executing(schema, "{ member(id: \"x\") { nickname } }"), member.Id).GetResultAsync(TestContext.Current.CancellationToken);
        var second = (Member?)await loader.Load(Executing(schema, "{ member(id: \"x\") { nickname joinedAt } }"), member.Id).GetResultAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Someone", first!.Nickname);
        Assert.Equal(default, first.JoinedAt);
        Assert.NotEqual(default, second!.JoinedAt);
        Assert.Equal("Someone", second.Nickname);
    }

    /// <summary>A field's context in the execution of <paramref name="query"/>: what the loader reads the operation from.</summary>
    private static ResolveFieldContext Executing(ETicketSchema schema, string query)
    {
        schema.Initialize();
        var document = Parser.Parse(query);
        return new ResolveFieldContext { Schema = schema, Document = document, Operation = (GraphQLOperationDefinition)document.Definitions[0] };
    }
}
