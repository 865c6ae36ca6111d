using ETicket.Domain.Listings;
using ETicket.Graph.Subscriptions;
using ETicket.Tests.Infrastructure;
using ETicket.Tests.Wanted;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Subscriptions;

/// <summary>
/// The contract's Subscription fields, fed by committed outbox events, as every transport sees them
/// (<see cref="GroupSubscriber"/> sits right below the transports). Each test starts its own platform.
/// </summary>
public sealed class SubscriptionFieldTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task A_published_listing_reaches_the_subscribers_whose_filters_it_matches_with_its_seller()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001", "老王");
        using var shanghai = await GroupSubscriber.SubscribeAsync(server,
            """subscription { listingPublished(category: CONCERT, city: "上海") { id title price seller { nickname } } }""");
        using var beijing = await GroupSubscriber.SubscribeAsync(server, """subscription { listingPublished(city: "北京") { id } }""");
        using var sports = await GroupSubscriber.SubscribeAsync(server, "subscription { listingPublished(category: SPORTS) { id } }");

        var id = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "五月天上海站", price: "680"));

        var listing = (await shanghai.NextAsync())["data"]!["listingPublished"]!;
        Assert.Equal(id, listing["id"]!.GetValue<string>());
        Assert.Equal("五月天上海站", listing["title"]!.GetValue<string>());
        Assert.Equal("680.00", listing["price"]!.ToString());
        Assert.Equal("老王", listing["seller"]!["nickname"]!.GetValue<string>());
        await beijing.NothingWithinAsync(Quiet);
        await sports.NothingWithinAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task Subscribers_of_the_same_document_share_one_execution_unless_it_asks_for_viewer_dependent_fields()
    {
        await using var server = await PlatformServer.StartAsync();
        var groups = server.Services.GetRequiredService<SubscriptionGroups>();
        var (a, b) = (await server.SignInAsync("13800000001"), await server.SignInAsync("13800000002"));
        const string Public = "subscription { listingPublished { id title } }";
        const string Secret = "subscription { listingPublished { id ticketCode } }";

        using var anonymous = await GroupSubscriber.SubscribeAsync(server, Public);
        using var signedIn = await GroupSubscriber.SubscribeAsync(server, Public, member: a);
        Assert.Equal(1, groups.GroupCount);
        using var secretA = await GroupSubscriber.SubscribeAsync(server, Secret, member: a);
        using var secretB = await GroupSubscriber.SubscribeAsync(server, Secret, member: b);
        Assert.Equal(3, groups.GroupCount);

        var id = await server.PublishOkAsync(a, ListingRequests.Concert(ticketCode: "SECRET-1"));

        Assert.Equal((await anonymous.NextAsync()).ToJsonString(), (await signedIn.NextAsync()).ToJsonString());
        Assert.Equal("SECRET-1", (await secretA.NextAsync())["data"]!["listingPublished"]!["ticketCode"]!.GetValue<string>());
        var forB = (await secretB.NextAsync())["data"]!["listingPublished"]!;
        Assert.Equal(id, forB["id"]!.GetValue<string>());
        Assert.Null(forB["ticketCode"]);

        foreach (var subscriber in new[] { anonymous, signedIn, secretA, secretB })
            subscriber.Dispose();
        Assert.Equal(0, groups.GroupCount);
    }

    [Fact]
    public async Task A_listing_change_reaches_its_subscribers_with_the_ticket_code_only_for_the_seller()
    {
        await using var server = await PlatformServer.StartAsync();
        var (seller, watcher) = (await server.SignInAsync("13800000001"), await server.SignInAsync("13800000002"));
        var id = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "QR-42", price: "800"));
        var other = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "QR-43", price: "800"));
        const string Changes = "subscription($id: ID!) { listingChanged(listingId: $id) { id price status ticketCode } }";
        using var bySeller = await GroupSubscriber.SubscribeAsync(server, Changes, new { id }, seller);
        using var byWatcher = await GroupSubscriber.SubscribeAsync(server, Changes, new { id }, watcher);

        Assert.Empty((await server.ChangePriceAsync(seller, other, "700"))["errors"]!.AsArray());
        Assert.Empty((await server.ChangePriceAsync(seller, id, "750"))["errors"]!.AsArray());
        Assert.Empty((await server.WithdrawAsync(seller, id))["errors"]!.AsArray());

        var priced = (await bySeller.NextAsync())["data"]!["listingChanged"]!;
        Assert.Equal((id, "750.00", "QR-42"), (priced["id"]!.GetValue<string>(), priced["price"]!.ToString(), priced["ticketCode"]!.GetValue<string>()));
        Assert.Equal("WITHDRAWN", (await bySeller.NextAsync())["data"]!["listingChanged"]!["status"]!.GetValue<string>());
        var seen = (await byWatcher.NextAsync())["data"]!["listingChanged"]!;
        Assert.Equal("750.00", seen["price"]!.ToString());
        Assert.Null(seen["ticketCode"]);
    }

    [Fact]
    public async Task Subscribing_to_changes_of_a_listing_that_does_not_exist_is_refused()
    {
        await using var server = await PlatformServer.StartAsync();

        using var subscriber = await GroupSubscriber.SubscribeAsync(server, """subscription { listingChanged(listingId: "no-such-listing") { id } }""");

        Assert.Equal("BAD_USER_INPUT", subscriber.Refusal!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Order_changes_reach_only_the_buyer_and_the_seller_and_need_a_sign_in()
    {
        await using var server = await PlatformServer.StartAsync();
        var (seller, buyer, bystander) = (await server.SignInAsync("13800000001"), await server.SignInAsync("13800000002"), await server.SignInAsync("13800000003"));
        var listing = await server.PublishOkAsync(seller, ListingRequests.Concert());
        const string Mine = "subscription { myOrderChanged { id status buyer { id } listing { id } } }";

        using var anonymous = await GroupSubscriber.SubscribeAsync(server, Mine);
        Assert.Equal("UNAUTHENTICATED", anonymous.Refusal!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        using var forSeller = await GroupSubscriber.SubscribeAsync(server, Mine, member: seller);
        using var forBuyer = await GroupSubscriber.SubscribeAsync(server, Mine, member: buyer);
        using var forBystander = await GroupSubscriber.SubscribeAsync(server, Mine, member: bystander);

        var orderId = await server.PurchasePaidAsync(buyer, listing);

        foreach (var subscriber in new[] { forSeller, forBuyer })
        {
            var order = (await subscriber.NextAsync())["data"]!["myOrderChanged"]!;
            Assert.Equal(orderId, order["id"]!.GetValue<string>());
            Assert.Equal(buyer.Id, order["buyer"]!["id"]!.GetValue<string>());
            Assert.Equal(listing, order["listing"]!["id"]!.GetValue<string>());
            Assert.Equal("PAID", (await subscriber.NextAsync())["data"]!["myOrderChanged"]!["status"]!.GetValue<string>());
        }
        await forBystander.NothingWithinAsync(Quiet);
    }

    [Fact]
    public async Task A_wanted_request_match_reaches_only_the_member_who_posted_the_request()
    {
        await using var server = await PlatformServer.StartAsync();
        var (seeker, other, seller) = (await server.SignInAsync("13800000001"), await server.SignInAsync("13800000002"), await server.SignInAsync("13800000003"));
        var wanted = await server.PostWantedOkAsync(seeker, WantedRequestRequests.Concert(keywords: "周杰伦"));
        const string Matches = "subscription { wantedRequestMatched { wantedRequest { id keywords } listing { id title } } }";
        using var forSeeker = await GroupSubscriber.SubscribeAsync(server, Matches, member: seeker);
        using var forOther = await GroupSubscriber.SubscribeAsync(server, Matches, member: other);

        var listing = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "周杰伦嘉年华 上海站"));

        var match = (await forSeeker.NextAsync())["data"]!["wantedRequestMatched"]!;
        Assert.Equal(wanted, match["wantedRequest"]!["id"]!.GetValue<string>());
        Assert.Equal(listing, match["listing"]!["id"]!.GetValue<string>());
        await forOther.NothingWithinAsync(Quiet);
    }

    [Fact]
    public async Task A_change_whose_transaction_rolled_back_is_never_delivered()
    {
        var failing = new FailListingInsert("回滚的演出");
        await using var server = await PlatformServer.StartAsync(configureServices: services => services.AddSingleton<IInterceptor>(failing));
        var seller = await server.SignInAsync("13800000001");
        using var subscriber = await GroupSubscriber.SubscribeAsync(server, "subscription { listingPublished { title } }");

        var failed = await server.PostAsync(ListingRequests.Publish, new { input = ListingRequests.Concert(title: "回滚的演出") }, seller.AccessToken);
        Assert.NotNull(failed.Errors);
        await server.PublishOkAsync(seller, ListingRequests.Concert(title: "真的演出"));

        Assert.Equal("真的演出", (await subscriber.NextAsync())["data"]!["listingPublished"]!["title"]!.GetValue<string>());
        await subscriber.NothingWithinAsync(Quiet);
    }

    /// <summary>Fails the save that inserts a listing with this title, after its outbox row was added.</summary>
    private sealed class FailListingInsert(string title) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<Listing>().Any(e => e.State == EntityState.Added && e.Entity.Title == title)
                ? throw new InvalidOperationException("Staged failure")
                : ValueTask.FromResult(result);
    }
}
