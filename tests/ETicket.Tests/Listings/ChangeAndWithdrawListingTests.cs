using ETicket.Domain.Events;
using ETicket.Domain.Listings;
using ETicket.Domain.Listings.Services;
using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ETicket.Tests.Listings;

/// <summary>changeListingPrice and withdrawListing: the seller's, on sale only, within the cap.</summary>
public sealed class ChangeAndWithdrawListingTests
{
    private const string Admin = "13900000000";

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task The_seller_changes_the_price_up_to_the_cap(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        var id = await server.PublishOkAsync(seller, ListingRequests.Concert(price: "880", faceValue: "880"));

        var changed = await server.ChangePriceAsync(seller, id, "1056"); // 880 + 20%
        Assert.Empty(changed["errors"]!.AsArray());
        Assert.Equal("1056.00", changed["listing"]!["price"]!.GetValue<string>());

        var aboveCap = ListingRequests.SingleError(await server.ChangePriceAsync(seller, id, "1056.01"));
        Assert.Equal(("PRICE_ABOVE_CAP", "price"), (aboveCap["code"]!.GetValue<string>(), aboveCap["field"]!.GetValue<string>()));
        var zero = ListingRequests.SingleError(await server.ChangePriceAsync(seller, id, "0"));
        Assert.Equal(("VALIDATION_FAILED", "price"), (zero["code"]!.GetValue<string>(), zero["field"]!.GetValue<string>()));

        Assert.Equal(1056m, (await server.StoredListingAsync(id)).Price);
        var priceChanged = Assert.Single(await server.EventsAsync<ListingPriceChanged>());
        Assert.Equal((id, seller.Id, 1056m), (priceChanged.ListingId, priceChanged.SellerId, priceChanged.Price));
    }

    [Fact]
    public async Task The_cap_comes_from_configuration()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Marketplace:PriceCap"] = "0.5" });
        var seller = await server.SignInAsync("13800000001");
        var id = await server.PublishOkAsync(seller, ListingRequests.Concert(price: "150", faceValue: "100"));

        Assert.Empty((await server.ChangePriceAsync(seller, id, "140"))["errors"]!.AsArray());
        Assert.Equal("PRICE_ABOVE_CAP", ListingRequests.SingleError(await server.ChangePriceAsync(seller, id, "150.01"))["code"]!.GetValue<string>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task The_seller_withdraws_a_listing_on_sale_once(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        var id = await server.PublishOkAsync(seller, ListingRequests.Concert());

        var withdrawn = await server.WithdrawAsync(seller, id);
        Assert.Empty(withdrawn["errors"]!.AsArray());
        Assert.Equal("WITHDRAWN", withdrawn["listing"]!["status"]!.GetValue<string>());

        Assert.Equal("LISTING_NOT_AVAILABLE", ListingRequests.SingleError(await server.WithdrawAsync(seller, id))["code"]!.GetValue<string>());
        Assert.Equal("LISTING_NOT_AVAILABLE", ListingRequests.SingleError(await server.ChangePriceAsync(seller, id, "800"))["code"]!.GetValue<string>());
        var statusChanged = Assert.Single(await server.EventsAsync<ListingStatusChanged>());
        Assert.Equal((id, ListingStatus.Withdrawn), (statusChanged.ListingId, statusChanged.Status));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Only_the_seller_changes_their_listing(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        var other = await server.SignInAsync("13800000002");
        var id = await server.PublishOkAsync(seller, ListingRequests.Concert());

        foreach (var payload in new[] { await server.ChangePriceAsync(other, id, "800"), await server.WithdrawAsync(other, id) })
        {
            var error = ListingRequests.SingleError(payload);
            Assert.Equal(("NOT_ALLOWED", "listingId"), (error["code"]!.GetValue<string>(), error["field"]!.GetValue<string>()));
        }
        foreach (var unknown in new[] { "0000000000000000000000000000abcd", "not an id" })
        {
            Assert.Equal("NOT_FOUND", ListingRequests.SingleError(await server.ChangePriceAsync(seller, unknown, "800"))["code"]!.GetValue<string>());
            Assert.Equal("NOT_FOUND", ListingRequests.SingleError(await server.WithdrawAsync(seller, unknown))["code"]!.GetValue<string>());
        }
        var anonymous = await server.PostAsync(ListingRequests.Withdraw, new { input = new { listingId = id } });
        Assert.Equal("UNAUTHENTICATED", anonymous.FirstErrorCode);

        var stored = await server.StoredListingAsync(id);
        Assert.Equal((ListingStatus.OnSale, 880m), (stored.Status, stored.Price));
    }

    [Fact]
    public async Task A_reserved_listing_cannot_be_changed()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001");
        var buyer = await server.SignInAsync("13800000002");
        var id = await server.PublishOkAsync(seller, ListingRequests.Concert());
        await server.PurchaseOkAsync(buyer, id);

        Assert.Equal("LISTING_NOT_AVAILABLE", ListingRequests.SingleError(await server.ChangePriceAsync(seller, id, "800"))["code"]!.GetValue<string>());
        Assert.Equal("LISTING_NOT_AVAILABLE", ListingRequests.SingleError(await server.WithdrawAsync(seller, id))["code"]!.GetValue<string>());
        Assert.Equal(ListingStatus.Reserved, (await server.StoredListingAsync(id)).Status);
    }

    [Fact]
    public async Task An_expired_listing_cannot_be_changed_even_before_the_sweep()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestClock.StartAsync(new SqliteTestDatabase(), clock);
        var seller = await server.SignInAsync("13800000001");
        var id = await server.PublishOkAsync(seller, ListingRequests.Concert(startsAt: ListingRequests.FromNow(TimeSpan.FromMinutes(10))));

        clock.Advance(TimeSpan.FromMinutes(11));
        var error = ListingRequests.SingleError(await server.ChangePriceAsync(seller, id, "800"));
        Assert.Equal("LISTING_NOT_AVAILABLE", error["code"]!.GetValue<string>());
        Assert.Contains("EXPIRED", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_blacklisted_seller_cannot_change_prices()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Members:Admins:0"] = Admin });
        var admin = await server.SignInAsync(Admin);
        var seller = await server.SignInAsync("13800000001");
        var id = await server.PublishOkAsync(seller, ListingRequests.Concert());
        (await server.PostAsync("mutation($id: ID!) { setBlacklisted(input: { memberId: $id, blacklisted: true }) { errors { code } } }",
            new { id = seller.Id }, admin.AccessToken)).Ok();

        Assert.Equal("BLACKLISTED", ListingRequests.SingleError(await server.ChangePriceAsync(seller, id, "800"))["code"]!.GetValue<string>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_change_that_loses_a_race_answers_from_the_winners_state(DatabaseKind kind)
    {
        var race = new BeforeNextListingSave();
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database.Settings,
            configureServices: services => services.AddSingleton<IInterceptor>(race));
        var seller = await server.SignInAsync("13800000001");
        var id = await server.PublishOkAsync(seller, ListingRequests.Concert());
        race.Arm(async () =>
        {
            await using var scope = server.Services.CreateAsyncScope();
            Assert.True((await scope.ServiceProvider.GetRequiredService<ListingEditor>().WithdrawAsync(seller.Id, id, CancellationToken.None)).Succeeded);
        });

        var error = ListingRequests.SingleError(await server.ChangePriceAsync(seller, id, "800"));

        Assert.Equal("LISTING_NOT_AVAILABLE", error["code"]!.GetValue<string>());
        Assert.Contains("WITHDRAWN", error["message"]!.GetValue<string>());
        var stored = await server.StoredListingAsync(id);
        Assert.Equal((ListingStatus.Withdrawn, 880m), (stored.Status, stored.Price));
        Assert.Empty(await server.EventsAsync<ListingPriceChanged>());
    }
}
