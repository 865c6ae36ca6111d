using ETicket.Domain.Events;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ETicket.Tests.Listings;

/// <summary>publishListing's idempotencyKey: a retry gets the first listing, never a second one.</summary>
public sealed class IdempotentPublishTests
{
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_retry_with_the_same_key_and_input_answers_the_first_listing(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        var input = WithKey(ListingRequests.Concert(ticketCode: "ONCE"), "retry-1");

        var first = await server.PublishOkAsync(seller, input);
        var retry = await server.PublishAsync(seller, input);

        Assert.Empty(retry["errors"]!.AsArray());
        Assert.Equal(first, retry["listing"]!["id"]!.GetValue<string>());
        Assert.Equal("ONCE", retry["listing"]!["ticketCode"]!.GetValue<string>());
        Assert.Single(await server.EventsAsync<ListingPublished>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Retries_with_one_key_at_once_all_answer_the_first_listing(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database, configureServices: ServerLogs.Capture);
        var seller = await server.SignInAsync("13800000001");
        var input = WithKey(ListingRequests.Concert(ticketCode: "ONCE"), "double-tap");

        var payloads = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => server.PublishAsync(seller, input)));

        Assert.Empty(payloads.SelectMany(p => p["errors"]!.AsArray()).Select(e => $"{e!["code"]}: {e["message"]}"));
        Assert.Single(payloads.Select(p => p["listing"]!["id"]!.GetValue<string>()).Distinct());
        Assert.Single(await server.EventsAsync<ListingPublished>());
        server.AssertNoErrors();
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task The_same_key_with_a_different_input_is_refused(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        await server.PublishOkAsync(seller, WithKey(ListingRequests.Concert(ticketCode: "ONCE", price: "880"), "key-1"));

        foreach (var changed in new[] { ListingRequests.Concert(ticketCode: "ONCE", price: "870"), ListingRequests.Concert(ticketCode: "TWICE") })
        {
            var error = ListingRequests.SingleError(await server.PublishAsync(seller, WithKey(changed, "key-1")));
            Assert.Equal(("IDEMPOTENCY_KEY_REUSED", "idempotencyKey"), (error["code"]!.GetValue<string>(), error["field"]!.GetValue<string>()));
        }
        Assert.Single(await server.EventsAsync<ListingPublished>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Keys_belong_to_one_member(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var alice = await server.SignInAsync("13800000001");
        var bob = await server.SignInAsync("13800000002");

        var alices = await server.PublishOkAsync(alice, WithKey(ListingRequests.Concert(ticketCode: "ALICE"), "shared-key"));

        // Bob sending Alice's exact request under her key gets no replay of her listing: his own attempt is judged.
        var copied = await server.PublishAsync(bob, WithKey(ListingRequests.Concert(ticketCode: "ALICE"), "shared-key"));
        Assert.Equal("DUPLICATE_TICKET_CODE", ListingRequests.SingleError(copied)["code"]!.GetValue<string>());
        var bobs = await server.PublishOkAsync(bob, WithKey(ListingRequests.Concert(ticketCode: "BOB"), "shared-key"));
        Assert.NotEqual(alices, bobs);
    }

    [Fact]
    public async Task A_failed_request_leaves_its_key_free()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001");

        var refused = await server.PublishAsync(seller, WithKey(ListingRequests.Concert(price: "9999"), "fix-and-retry"));
        Assert.Equal("PRICE_ABOVE_CAP", ListingRequests.SingleError(refused)["code"]!.GetValue<string>());

        await server.PublishOkAsync(seller, WithKey(ListingRequests.Concert(price: "900"), "fix-and-retry"));
    }

    [Fact]
    public async Task A_key_is_forgotten_after_24_hours()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestClock.StartAsync(new SqliteTestDatabase(), clock);
        var seller = await server.SignInAsync("13800000001");
        var first = await server.PublishOkAsync(seller, WithKey(ListingRequests.Concert(ticketCode: "DAY-1"), "daily"));

        clock.Advance(TimeSpan.FromHours(24));
        seller = await server.SignInAsync("13800000001");
        var second = await server.PublishOkAsync(seller, WithKey(ListingRequests.Concert(ticketCode: "DAY-2"), "daily"));

        Assert.NotEqual(first, second);
    }

    private static Dictionary<string, object?> WithKey(object input, string idempotencyKey)
    {
        var fields = input.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(input));
        fields["idempotencyKey"] = idempotencyKey;
        return fields;
    }
}
