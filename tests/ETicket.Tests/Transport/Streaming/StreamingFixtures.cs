using System.Text.Json.Nodes;
using ETicket.Graph.Subscriptions;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Transport.Streaming;

/// <summary>A platform for one test class, started with the streaming settings the class needs.</summary>
public abstract class StreamingServerFixture : IAsyncLifetime
{
    private PlatformServer? _server;

    public PlatformServer Server => _server ?? throw new InvalidOperationException("The platform has not started.");

    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public async ValueTask InitializeAsync() => _server = await PlatformServer.StartAsync(Settings);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}

/// <summary>Protocol tests: a short connection_init timeout so the 4408 test is quick; limits at their defaults.</summary>
public sealed class WebSocketServerFixture : StreamingServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ETicket:Subscriptions:ConnectionInitTimeout"] = "00:00:01",
    };
}

/// <summary>Publishing listings that subscriptions should see, and waiting until they do.</summary>
public static class LiveListings
{
    private static int _sequence;

    /// <summary>A city no other test publishes in, so a test's subscription filter sees only its own listings.</summary>
    public static string NewCity() => "City-" + Guid.NewGuid().ToString("N")[..12];

    public static string Subscription(string fields = "id title") => $$"""subscription($city: String) { listingPublished(city: $city) { {{fields}} } }""";

    /// <summary>A concert in <paramref name="city"/> with a unique title and ticket code; returns the title.</summary>
    public static async Task<string> PublishInAsync(this PlatformServer server, SignedInMember seller, string city, string? ticketCode = null,
        string? description = null)
    {
        var n = Interlocked.Increment(ref _sequence);
        var title = $"Live listing {n} {Guid.NewGuid():N}"[..40];
        await server.PublishOkAsync(seller, new
        {
            category = "CONCERT",
            title,
            description,
            faceValue = "100",
            price = "100",
            ticketCode = ticketCode ?? $"LIVE-{Guid.NewGuid():N}",
            city,
            venue = "Stadium",
            startsAt = ListingRequests.FromNow(TimeSpan.FromDays(30)),
        });
        return title;
    }

    /// <summary>
    /// A subscription is live some moment after <c>subscribe</c> (its execution starts asynchronously,
    /// and the protocol has no "subscribed" message): publishes listings in <paramref name="city"/>
    /// until every probe has seen one, and returns what each saw first.
    /// </summary>
    public static async Task<JsonNode[]> PublishUntilAllSeeAsync(this PlatformServer server, SignedInMember seller, string city,
        params Func<TimeSpan, Task<JsonNode?>>[] probes)
    {
        var seen = new JsonNode?[probes.Length];
        for (var attempt = 0; attempt < 30 && seen.Any(s => s is null); attempt++)
        {
            await server.PublishInAsync(seller, city);
            for (var i = 0; i < probes.Length; i++)
                seen[i] ??= await probes[i](TimeSpan.FromMilliseconds(400));
        }
        Assert.All(seen, s => Assert.NotNull(s));
        return seen!;
    }

    /// <summary>
    /// Waits until the subscriptions of the class's earlier tests have ended. A test disposes its
    /// stream or socket at its end, but the server notices the client leaving a moment later: a count
    /// taken at once may still include those and then fall while the next test counts its own.
    /// </summary>
    public static Task NoGroupsLeftAsync(this PlatformServer server) => server.GroupsBecomeAsync(0);

    /// <summary>Waits (a bounded while) until the server runs <paramref name="count"/> subscription executions.</summary>
    public static async Task GroupsBecomeAsync(this PlatformServer server, int count)
    {
        var groups = server.Services.GetRequiredService<SubscriptionGroups>();
        for (var i = 0; i < 100 && groups.GroupCount != count; i++)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(count, groups.GroupCount);
    }

    /// <summary>The first <c>next</c> for <paramref name="id"/> whose listing has <paramref name="title"/>, skipping others.</summary>
    public static async Task<JsonNode> NextWithTitleAsync(this GraphQLSocket socket, string id, string title)
    {
        while (true)
        {
            var message = await socket.NextForAsync(id);
            Assert.Equal("next", message["type"]?.GetValue<string>());
            var listing = message["payload"]?["data"]?["listingPublished"];
            if (listing?["title"]?.GetValue<string>() == title)
                return listing;
        }
    }
}
