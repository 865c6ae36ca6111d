using System.Text.Json.Nodes;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Listings;

/// <summary>
/// The tickets subgraph shows a listing's seller from its own copy of the seller's public profile
/// (<c>Listing.seller @provides(fields: "nickname avatarUrl")</c>), so the gateway asks the members
/// subgraph nothing for it: the copy is made when the seller first publishes and follows the
/// profile changes made in the members subgraph.
/// </summary>
public sealed class SellerProfileCopyTests
{
    private const string UpdateProfile = "mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { code } } }";

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task The_tickets_subgraph_answers_a_sellers_nickname_and_avatar_from_its_copy_and_follows_changes(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        using var data = new TestDataDirectory();
        await using var members = await PlatformServer.StartAsync(Role(database, "Members"), dataDirectory: data.Path);
        await using var tickets = await PlatformServer.StartAsync(Role(database, "Tickets"), dataDirectory: data.Path);
        var seller = await members.SignInAsync("13800000301", "小王");
        var bystander = await members.SignInAsync("13800000302", "路人");

        var listingId = await tickets.PublishOkAsync(seller, ListingRequests.Concert());
        Assert.Equal("""{"id":"%","nickname":"小王","avatarUrl":null}""".Replace("%", seller.Id), (await SellerOfAsync(tickets, listingId)).ToJsonString(Json));

        // A change in the members subgraph reaches the copy through the outbox, relayed by the tickets process.
        Assert.Empty((await members.PostAsync(UpdateProfile, new { input = new { nickname = "老王", avatarUrl = "https://img.example.com/w.png" } },
            seller.AccessToken)).Ok()["updateProfile"]!["errors"]!.AsArray());
        // A member who never sold has no copy: their change is not one.
        Assert.Empty((await members.PostAsync(UpdateProfile, new { input = new { nickname = "路人甲" } }, bystander.AccessToken)).Ok()["updateProfile"]!["errors"]!.AsArray());
        var deadline = DateTime.UtcNow.AddSeconds(15);
        JsonNode current;
        while ((current = await SellerOfAsync(tickets, listingId))["nickname"]!.GetValue<string>() != "老王" && DateTime.UtcNow < deadline)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal("老王", current["nickname"]!.GetValue<string>());
        Assert.Equal("https://img.example.com/w.png", current["avatarUrl"]!.GetValue<string>());

        // Their first listing copies their profile as it is then.
        var bystanderListing = await tickets.PublishOkAsync(bystander, ListingRequests.Concert(title: "路人的票", ticketCode: "CODE-2"));
        Assert.Equal("路人甲", (await SellerOfAsync(tickets, bystanderListing))["nickname"]!.GetValue<string>());

        // A page's sellers are one batch, both copies read by one query.
        var page = (await tickets.PostAsync("{ listings(first: 10) { nodes { id seller { nickname } } } }")).Ok()["listings"]!["nodes"]!.AsArray();
        Assert.Equal(
            new Dictionary<string, string> { [listingId] = "老王", [bystanderListing] = "路人甲" },
            page.ToDictionary(node => node!["id"]!.GetValue<string>(), node => node!["seller"]!["nickname"]!.GetValue<string>()));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Dictionary<string, string?> Role(ITestDatabase database, string role) =>
        new(database.Settings) { ["ETicket:Role"] = role };

    private static async Task<JsonNode> SellerOfAsync(PlatformServer tickets, string listingId) =>
        (await tickets.PostAsync("query($id: ID!) { listing(id: $id) { seller { id nickname avatarUrl } } }", new { id = listingId })).Ok()["listing"]!["seller"]!;
}
