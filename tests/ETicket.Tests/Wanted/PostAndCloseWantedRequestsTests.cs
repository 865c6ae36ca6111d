using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Wanted;

public sealed class PostAndCloseWantedRequestsTests
{
    private const string Admin = "13900000000";

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_member_posts_a_wanted_request_and_closes_it(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var member = await server.SignInAsync("13800000001");

        var payload = await server.PostWantedAsync(member, new
        {
            category = "CONCERT",
            keywords = "  周杰伦 上海  ",
            city = " 上海 ",
            from = "2027-05-01T00:00:00+08:00",
            to = "2027-05-02T00:00:00+08:00",
            maxPrice = "1000.5",
        });

        Assert.Empty(payload["errors"]!.AsArray());
        var posted = payload["wantedRequest"]!;
        Assert.Equal(member.Id, posted["member"]!["id"]!.GetValue<string>());
        Assert.Equal("CONCERT", posted["category"]!.GetValue<string>());
        Assert.Equal("周杰伦 上海", posted["keywords"]!.GetValue<string>());
        Assert.Equal("上海", posted["city"]!.GetValue<string>());
        Assert.Equal("2027-04-30T16:00:00Z", posted["from"]!.GetValue<string>());
        Assert.Equal("2027-05-01T16:00:00Z", posted["to"]!.GetValue<string>());
        Assert.Equal("1000.50", posted["maxPrice"]!.GetValue<string>());
        Assert.True(posted["open"]!.GetValue<bool>());
        var id = posted["id"]!.GetValue<string>();

        var closed = await server.CloseWantedAsync(member, id);
        Assert.Empty(closed["errors"]!.AsArray());
        Assert.Equal(id, closed["wantedRequest"]!["id"]!.GetValue<string>());
        Assert.False(closed["wantedRequest"]!["open"]!.GetValue<bool>());

        var again = await server.CloseWantedAsync(member, id);
        Assert.Null(again["wantedRequest"]);
        Assert.Equal(("INVALID_STATE", "wantedRequestId"), WantedRequestRequests.SingleError(again));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Only_the_member_who_posted_a_request_closes_it(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var member = await server.SignInAsync("13800000001");
        var other = await server.SignInAsync("13800000002");
        var id = await server.PostWantedOkAsync(member, WantedRequestRequests.Concert());

        Assert.Equal(("NOT_ALLOWED", "wantedRequestId"), WantedRequestRequests.SingleError(await server.CloseWantedAsync(other, id)));
        Assert.Equal(("NOT_FOUND", "wantedRequestId"),
            WantedRequestRequests.SingleError(await server.CloseWantedAsync(member, "0000000000000000000000000000abcd")));
        Assert.Equal(("NOT_FOUND", "wantedRequestId"), WantedRequestRequests.SingleError(await server.CloseWantedAsync(member, "not an id")));

        var board = (await server.PostAsync("{ wantedRequests { nodes { id open } } }")).Ok()["wantedRequests"]!["nodes"]!.AsArray();
        Assert.Equal(id, Assert.Single(board)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anonymous_requests_neither_post_nor_close()
    {
        await using var server = await PlatformServer.StartAsync();
        var member = await server.SignInAsync("13800000001");
        var id = await server.PostWantedOkAsync(member, WantedRequestRequests.Concert());

        var post = await server.PostAsync(WantedRequestRequests.Post, new { input = WantedRequestRequests.Concert() });
        var close = await server.PostAsync(WantedRequestRequests.Close, new { input = new { wantedRequestId = id } });

        Assert.Equal("UNAUTHENTICATED", post.FirstErrorCode);
        Assert.Equal("UNAUTHENTICATED", close.FirstErrorCode);
        Assert.Equal(1, (await server.PostAsync("{ wantedRequests { totalCount } }")).Ok()["wantedRequests"]!["totalCount"]!.GetValue<int>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Invalid_requests_are_refused_with_errors_naming_the_fields(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var member = await server.SignInAsync("13800000001");

        var payload = await server.PostWantedAsync(member, new
        {
            category = "SHOW",
            keywords = "   ",
            city = new string('城', 101),
            from = "2027-05-02T00:00:00Z",
            to = "2027-05-01T23:59:59.999Z",
            maxPrice = "0",
        });

        Assert.Null(payload["wantedRequest"]);
        Assert.All(payload["errors"]!.AsArray(), e => Assert.Equal("VALIDATION_FAILED", e!["code"]!.GetValue<string>()));
        Assert.Equal(["city", "keywords", "maxPrice", "to"], payload["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Order());
        Assert.Equal(("VALIDATION_FAILED", "keywords"),
            WantedRequestRequests.SingleError(await server.PostWantedAsync(member, WantedRequestRequests.Concert(keywords: new string('词', 101)))));
        Assert.Equal(("VALIDATION_FAILED", "maxPrice"),
            WantedRequestRequests.SingleError(await server.PostWantedAsync(member, WantedRequestRequests.Concert(maxPrice: "-1"))));
        Assert.Equal("BAD_USER_INPUT",
            (await server.PostAsync(WantedRequestRequests.Post, new { input = WantedRequestRequests.Concert(maxPrice: "1.005") }, member.AccessToken)).FirstErrorCode);

        // The limits themselves are allowed, and stored in full.
        var limits = await server.PostWantedAsync(member, new
        {
            category = "SHOW",
            keywords = new string('词', 100),
            city = new string('城', 100),
            from = "2027-05-01T00:00:00Z",
            to = "2027-05-01T00:00:00Z",
            maxPrice = "0.01",
        });
        Assert.Empty(limits["errors"]!.AsArray());
        Assert.Equal(new string('词', 100), limits["wantedRequest"]!["keywords"]!.GetValue<string>());
        Assert.Equal(new string('城', 100), limits["wantedRequest"]!["city"]!.GetValue<string>());
        Assert.Equal(1, (await server.PostAsync("{ wantedRequests { totalCount } }")).Ok()["wantedRequests"]!["totalCount"]!.GetValue<int>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_blacklisted_member_does_not_post_but_may_close_what_they_posted(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database, new Dictionary<string, string?> { ["ETicket:Members:Admins:0"] = Admin });
        var admin = await server.SignInAsync(Admin);
        var member = await server.SignInAsync("13800000001");
        var id = await server.PostWantedOkAsync(member, WantedRequestRequests.Concert());
        (await server.PostAsync(
            "mutation($input: SetBlacklistedInput!) { setBlacklisted(input: $input) { errors { code } } }",
            new { input = new { memberId = member.Id, blacklisted = true } }, admin.AccessToken)).Ok();

        var refused = await server.PostWantedAsync(member, WantedRequestRequests.Concert(keywords: "林俊杰"));

        Assert.Null(refused["wantedRequest"]);
        Assert.Equal("BLACKLISTED", WantedRequestRequests.SingleError(refused).Code);
        Assert.Empty((await server.CloseWantedAsync(member, id))["errors"]!.AsArray());
    }
}
