using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Members;

public sealed class BlacklistTests
{
    private const string Admin = "13900000000";

    private const string SetBlacklisted = """
        mutation($input: SetBlacklistedInput!) {
          setBlacklisted(input: $input) { member { id blacklisted } errors { code field message } }
        }
        """;

    private static Dictionary<string, string?> AdminSettings => new() { ["ETicket:Members:Admins:0"] = Admin };

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_blacklisted_member_reads_but_does_not_sell_and_their_listings_leave_the_market(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database, AdminSettings);
        var admin = await server.SignInAsync(Admin);
        var seller = await server.SignInAsync("13800000001");
        var onSale = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "A"));
        var alsoOnSale = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "B"));

        var payload = (await server.PostAsync(SetBlacklisted, new { input = new { memberId = seller.Id, blacklisted = true, reason = "fake tickets" } },
            admin.AccessToken)).Ok()["setBlacklisted"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        Assert.True(payload["member"]!["blacklisted"]!.GetValue<bool>());

        var listings = (await server.PostAsync("query($a: ID!, $b: ID!) { a: listing(id: $a) { status } b: listing(id: $b) { status } }",
            new { a = onSale, b = alsoOnSale })).Ok();
        Assert.Equal("WITHDRAWN", listings["a"]!["status"]!.GetValue<string>());
        Assert.Equal("WITHDRAWN", listings["b"]!["status"]!.GetValue<string>());

        // Still signs in and reads...
        var again = await server.SignInAsync("13800000001");
        Assert.True((await server.PostAsync("{ me { blacklisted } }", accessToken: again.AccessToken)).Ok()["me"]!["blacklisted"]!.GetValue<bool>());
        // ...but may not sell.
        var refused = await server.PublishAsync(again, ListingRequests.Concert(ticketCode: "C"));
        Assert.Null(refused["listing"]);
        Assert.Equal("BLACKLISTED", refused["errors"]![0]!["code"]!.GetValue<string>());

        // Lifting the bar lets them sell again; withdrawn listings stay withdrawn.
        await server.PostAsync(SetBlacklisted, new { input = new { memberId = seller.Id, blacklisted = false } }, admin.AccessToken);
        Assert.Empty((await server.PublishAsync(again, ListingRequests.Concert(ticketCode: "C")))["errors"]!.AsArray());
        Assert.Equal("WITHDRAWN", (await server.PostAsync("query($a: ID!) { listing(id: $a) { status } }", new { a = onSale })).Ok()["listing"]!["status"]!.GetValue<string>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Blacklisting_a_seller_while_one_of_their_listings_is_bought_withdraws_the_others(DatabaseKind kind)
    {
        var race = new BeforeNextListingSave();
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database, AdminSettings,
            configureServices: services => ServerLogs.Capture(services.AddSingleton<IInterceptor>(race)));
        var admin = await server.SignInAsync(Admin);
        var seller = await server.SignInAsync("13800000001");
        var buyer = await server.SignInAsync("13800000002");
        var bought = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "A"));
        var other = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "B"));

        // The blacklisting read both listings on sale; the buyer reserves one before it saves.
        race.Arm(() => server.PurchaseOkAsync(buyer, bought));
        var payload = (await server.PostAsync(SetBlacklisted, new { input = new { memberId = seller.Id, blacklisted = true } }, admin.AccessToken))
            .Ok()["setBlacklisted"]!;

        Assert.Empty(payload["errors"]!.AsArray());
        var listings = (await server.PostAsync("query($a: ID!, $b: ID!) { a: listing(id: $a) { status } b: listing(id: $b) { status } }",
            new { a = bought, b = other })).Ok();
        Assert.Equal(("RESERVED", "WITHDRAWN"), (listings["a"]!["status"]!.GetValue<string>(), listings["b"]!["status"]!.GetValue<string>()));
        server.AssertNoErrors();
    }

    [Fact]
    public async Task Only_admins_blacklist()
    {
        await using var server = await PlatformServer.StartAsync(AdminSettings);
        var member = await server.SignInAsync("13800000001");
        var victim = await server.SignInAsync("13800000002");
        var input = new { input = new { memberId = victim.Id, blacklisted = true } };

        var asMember = await server.PostAsync(SetBlacklisted, input, member.AccessToken);
        Assert.Equal("FORBIDDEN", asMember.FirstErrorCode);
        var anonymous = await server.PostAsync(SetBlacklisted, input);
        Assert.Equal("UNAUTHENTICATED", anonymous.FirstErrorCode);
        var forgedAdmin = await server.PostAsync(SetBlacklisted, input, Tokens.SignedWithForeignKey(member.Id));
        Assert.Equal(401, forgedAdmin.Status);

        Assert.False((await server.PostAsync("query($id: ID!) { member(id: $id) { blacklisted } }", new { id = victim.Id })).Ok()["member"]!["blacklisted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Unknown_members_and_long_reasons_are_payload_errors()
    {
        await using var server = await PlatformServer.StartAsync(AdminSettings);
        var admin = await server.SignInAsync(Admin);
        var member = await server.SignInAsync("13800000001");

        var unknown = (await server.PostAsync(SetBlacklisted, new { input = new { memberId = "0000000000000000000000000000abcd", blacklisted = true } },
            admin.AccessToken)).Ok()["setBlacklisted"]!;
        Assert.Equal("NOT_FOUND", unknown["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("memberId", unknown["errors"]![0]!["field"]!.GetValue<string>());

        var tooLong = (await server.PostAsync(SetBlacklisted, new { input = new { memberId = member.Id, blacklisted = true, reason = new string('x', 201) } },
            admin.AccessToken)).Ok()["setBlacklisted"]!;
        Assert.Equal("reason", tooLong["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_named_by_openid_or_phone_gets_the_role_at_sign_in()
    {
        await using var server = await PlatformServer.StartAsync(AdminSettings);
        var admin = await server.SignInAsync(Admin);
        var roles = (await server.PostAsync("{ me { roles } }", accessToken: admin.AccessToken)).Ok()["me"]!["roles"]!.AsArray();
        Assert.Equal(["MEMBER", "ADMIN"], roles.Select(r => r!.GetValue<string>()));
    }
}
