using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ETicket.Domain.Common;
using ETicket.Domain.Events;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Listings;
using ETicket.Domain.Persistence;
using ETicket.Graph.Health;
using ETicket.Search.Indexing;
using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace ETicket.Tests.Health;

/// <summary>/healthz (liveness), /readyz (readiness) and /health (as readiness), against the real host.</summary>
public sealed class HealthEndpointTests
{
    private static readonly string[] EveryTicketsCheck =
        [ReadinessChecks.Database, ReadinessChecks.Migrations, ReadinessChecks.OutboxLag, ReadinessChecks.Search, ReadinessChecks.SearchLag];

    [Fact]
    public async Task Liveness_answers_without_checking_anything()
    {
        await using var server = await PlatformServer.StartAsync();

        var (status, body) = await GetAsync(server, HealthRegistration.LivenessPath);

        Assert.Equal(200, status);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Empty(body["checks"]!.AsObject());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Readiness_and_the_older_health_address_answer_200_with_every_check_when_all_is_well(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);

        // The search index is built in the background at the first start.
        var body = await ReadinessUntilAsync(server, 200, "ready");

        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Equal(EveryTicketsCheck.Order(), Names(body));
        foreach (var (name, check) in Checks(body))
        {
            Assert.Equal("Healthy", check!["status"]!.GetValue<string>());
            Assert.Equal(ReadinessChecks.Texts[name].Healthy, check["description"]!.GetValue<string>());
        }
        var (status, health) = await GetAsync(server, HealthRegistration.LegacyPath);
        Assert.Equal(200, status);
        Assert.Equal(Names(body), Names(health));
    }

    [Theory]
    [InlineData("Members", new[] { ReadinessChecks.Database, ReadinessChecks.Migrations })]
    [InlineData("Tickets", new[] { ReadinessChecks.Database, ReadinessChecks.Migrations, ReadinessChecks.OutboxLag, ReadinessChecks.Search, ReadinessChecks.SearchLag })]
    public async Task Each_role_checks_only_what_it_runs(string role, string[] expected)
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Role"] = role });

        var body = await ReadinessUntilAsync(server, 200, "ready");

        Assert.Equal(expected.Order(), Names(body));
    }

    [Fact]
    public async Task With_the_database_unreachable_readiness_answers_503_naming_it_and_revealing_nothing_of_the_connection()
    {
        const string password = "pw-Health-7f3c91";
        const string user = "eticket_health_probe";
        var port = FreePort();
        var connectionString = new MySqlConnectionStringBuilder { Server = "127.0.0.1", Port = (uint)port, UserID = user, Password = password, Database = "eticket_health" };
        // Program migrates before it listens; a database lost later is what this stands for.
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Database:Provider"] = "MySql",
            ["ETicket:Database:ConnectionString"] = connectionString.ConnectionString,
        }, migrate: false);

        var (status, body) = await GetAsync(server, HealthRegistration.ReadinessPath);

        Assert.Equal(503, status);
        Assert.Equal("Unhealthy", body["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", Checks(body)[ReadinessChecks.Database]!["status"]!.GetValue<string>());
        Assert.Equal(ReadinessChecks.Texts[ReadinessChecks.Database].Unhealthy, Checks(body)[ReadinessChecks.Database]!["description"]!.GetValue<string>());
        Assert.Equal("Unhealthy", Checks(body)[ReadinessChecks.OutboxLag]!["status"]!.GetValue<string>());
        AssertRevealsNothing(body, password, user, "127.0.0.1", port.ToString(), "eticket_health", "Server=", "MySql");
        // Liveness does not depend on the database: a restart would not bring it back.
        Assert.Equal(200, (await GetAsync(server, HealthRegistration.LivenessPath)).Status);
        Assert.Equal(503, (await GetAsync(server, HealthRegistration.LegacyPath)).Status);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task With_migrations_pending_readiness_answers_503(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database, migrate: false);

        var (status, body) = await GetAsync(server, HealthRegistration.ReadinessPath);

        Assert.Equal(503, status);
        var migrations = Checks(body)[ReadinessChecks.Migrations]!;
        Assert.Equal("Unhealthy", migrations["status"]!.GetValue<string>());
        Assert.Equal(ReadinessChecks.Texts[ReadinessChecks.Migrations].Unhealthy, migrations["description"]!.GetValue<string>());
        if (kind == DatabaseKind.MariaDb)
            Assert.Equal("Healthy", Checks(body)[ReadinessChecks.Database]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_configured_Redis_unreachable_readiness_answers_503_until_Redis_answers()
    {
        await using var redis = RedisServerProcess.NotStarted();
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Redis:Configuration"] = redis.Configuration,
            ["ETicket:Redis:Channel"] = TestRedis.UniqueChannel(),
        });

        var down = await ReadinessUntilAsync(server, 503, "Redis reported down",
            body => Checks(body)[ReadinessChecks.Redis]?["status"]?.GetValue<string>() == "Unhealthy");
        Assert.Equal(ReadinessChecks.Texts[ReadinessChecks.Redis].Unhealthy, Checks(down)[ReadinessChecks.Redis]!["description"]!.GetValue<string>());
        AssertRevealsNothing(down, redis.Port.ToString(), "127.0.0.1");

        await redis.StartAsync();
        var up = await ReadinessUntilAsync(server, 200, "ready once Redis answers");
        Assert.Equal("Healthy", Checks(up)[ReadinessChecks.Redis]!["status"]!.GetValue<string>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task When_the_outbox_relay_falls_behind_readiness_answers_503_until_it_catches_up(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        await ReadinessUntilAsync(server, 200, "ready");

        // Another process holds the relay and relays nothing: an event waits well past the bound.
        await HoldRelayLeaseElsewhereAsync(server);
        var occurredAt = DateTimeOffset.UtcNow - 2 * server.Services.GetRequiredService<IOptions<HealthOptions>>().Value.MaxOutboxLag;
        await AddOutboxMessageAsync(server, new ListingStatusChanged("no-such-listing", "no-such-seller", ListingStatus.Withdrawn), occurredAt, published: false);

        // The indexer reads committed rows, relayed or not: once it has, only the relay is behind.
        var behind = await ReadinessUntilAsync(server, 503, "only the relay reported behind",
            body => Checks(body)[ReadinessChecks.SearchLag]!["status"]!.GetValue<string>() == "Healthy");
        var outbox = Checks(behind)[ReadinessChecks.OutboxLag]!;
        Assert.Equal("Unhealthy", outbox["status"]!.GetValue<string>());
        Assert.Equal(ReadinessChecks.Texts[ReadinessChecks.OutboxLag].Unhealthy, outbox["description"]!.GetValue<string>());

        await ReleaseRelayLeaseAsync(server);
        await ReadinessUntilAsync(server, 200, "ready once this process relays");
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task When_search_falls_behind_the_listings_readiness_answers_503(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        using var data = new TestDataDirectory();
        await using (var first = await PlatformServer.StartAsync(database, dataDirectory: data.Path))
            await ReadinessUntilAsync(first, 200, "ready with its search index built");

        // The index is there, but nothing follows the outbox into it any more.
        await using var server = await PlatformServer.StartAsync(database, dataDirectory: data.Path, configureServices: WithoutIndexer);
        await ReadinessUntilAsync(server, 200, "ready while nothing changed");
        var maxSearchLag = server.Services.GetRequiredService<IOptions<HealthOptions>>().Value.MaxSearchLag;
        await AddOutboxMessageAsync(server, new ListingPriceChanged("no-such-listing", "no-such-seller", 100m),
            DateTimeOffset.UtcNow - 2 * maxSearchLag, published: true);

        var (status, body) = await GetAsync(server, HealthRegistration.ReadinessPath);

        Assert.Equal(503, status);
        var lag = Checks(body)[ReadinessChecks.SearchLag]!;
        Assert.Equal("Unhealthy", lag["status"]!.GetValue<string>());
        Assert.Equal(ReadinessChecks.Texts[ReadinessChecks.SearchLag].Unhealthy, lag["description"]!.GetValue<string>());
        Assert.Equal("Healthy", Checks(body)[ReadinessChecks.Search]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", Checks(body)[ReadinessChecks.OutboxLag]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_Elasticsearch_unreachable_readiness_answers_503_revealing_nothing_of_its_address()
    {
        var port = FreePort();
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Search:Elasticsearch:Url"] = $"http://127.0.0.1:{port}",
            ["ETicket:Search:Elasticsearch:ApiKey"] = "a2V5OmhlYWx0aC1zZWNyZXQ=",
        });

        var (status, body) = await GetAsync(server, HealthRegistration.ReadinessPath);

        Assert.Equal(503, status);
        var search = Checks(body)[ReadinessChecks.Search]!;
        Assert.Equal("Unhealthy", search["status"]!.GetValue<string>());
        Assert.Equal(ReadinessChecks.Texts[ReadinessChecks.Search].Failed, search["description"]!.GetValue<string>());
        AssertRevealsNothing(body, port.ToString(), "127.0.0.1", "a2V5OmhlYWx0aC1zZWNyZXQ=");
    }

    [Fact]
    public async Task A_search_lag_bound_within_the_indexers_wait_for_slow_transactions_refuses_to_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Health:MaxSearchLag"] = (OutboxTail.GapPatience / 2).ToString(),
        }));

        Assert.Contains("ETicket:Health:MaxSearchLag", failure.Message);
    }

    private static async Task<(int Status, JsonObject Body)> GetAsync(PlatformServer server, string path)
    {
        using var response = await server.Http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        return ((int)response.StatusCode, body);
    }

    /// <summary>Polls readiness (up to 30 s) until it answers <paramref name="status"/> and <paramref name="condition"/> holds.</summary>
    private static async Task<JsonObject> ReadinessUntilAsync(PlatformServer server, int status, string what, Func<JsonObject, bool>? condition = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (answered, body) = await GetAsync(server, HealthRegistration.ReadinessPath);
            if (answered == status && (condition?.Invoke(body) ?? true))
                return body;
            Assert.True(DateTime.UtcNow < deadline, $"Readiness was not {status} ({what}) within 30 s; last {answered}: {body.ToJsonString()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static JsonObject Checks(JsonObject body) => body["checks"]!.AsObject();

    private static IEnumerable<string> Names(JsonObject body) => Checks(body).Select(check => check.Key).Order();

    private static void AssertRevealsNothing(JsonObject body, params string[] secrets)
    {
        var text = body.ToJsonString();
        foreach (var secret in secrets)
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task HoldRelayLeaseElsewhereAsync(PlatformServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
        var until = DateTimeOffset.UtcNow.AddHours(1);
        // Taken from the relay of this server, which holds it and renews it every second.
        var taken = await db.ProcessLeases.Where(l => l.Name == ProcessLease.OutboxRelay)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Holder, OtherRelay).SetProperty(x => x.ExpiresAt, until), TestContext.Current.CancellationToken);
        if (taken == 0)
            Assert.True(await ProcessLease.TryHoldAsync(db, ProcessLease.OutboxRelay, OtherRelay, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), TestContext.Current.CancellationToken));
        // A batch the relay began before losing the lease ends within its poll interval.
        await Task.Delay(OutboxRelay.PollInterval * 2, TestContext.Current.CancellationToken);
    }

    private static async Task ReleaseRelayLeaseAsync(PlatformServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await ProcessLease.ReleaseAsync(scope.ServiceProvider.GetRequiredService<ETicketDbContext>(), ProcessLease.OutboxRelay, OtherRelay,
            DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
    }

    private const string OtherRelay = "another-process";

    private static async Task AddOutboxMessageAsync(PlatformServer server, DomainEvent domainEvent, DateTimeOffset occurredAt, bool published)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
        var message = OutboxMessage.For(domainEvent, Clock.Truncate(occurredAt));
        if (published)
            message.MarkPublished(Clock.Truncate(DateTimeOffset.UtcNow));
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static void WithoutIndexer(IServiceCollection services) =>
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ListingIndexer)));

    /// <summary>A loopback port the OS just handed out and nothing listens on: a connection to it is refused at once.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
