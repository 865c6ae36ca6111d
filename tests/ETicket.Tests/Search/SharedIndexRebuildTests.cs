using ETicket.Domain.Persistence;
using ETicket.Graph.Search;
using ETicket.Search;
using ETicket.Search.Indexing;
using ETicket.Search.Lucene;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ETicket.Tests.Search;

/// <summary>Processes sharing one index (Elasticsearch) rebuild it once between them, not once each.</summary>
public sealed class SharedIndexRebuildTests
{
    private const string Rebuilt = "The search index was rebuilt";
    private const string RebuiltByAnother = "The shared search index was rebuilt by another process; following it";
    private const string Waiting = "Another process is rebuilding the shared search index shared-test-index; waiting for it";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Two_processes_rebuild_a_shared_index_once_at_first_start_and_once_per_reindex(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        using var data = new TestDataDirectory();
        using var lucene = new LuceneListingSearchIndex(Path.Combine(data.Path, "shared-search"));
        var shared = new SharedIndex(lucene);
        var held = new HeldRebuilds(shared);
        var reached = held.HoldNext();

        // Both start on a missing index: the first takes the lease and is held rebuilding, the second waits.
        await using var first = await Start(database, data.Path, held);
        await reached.WaitAsync(TimeSpan.FromSeconds(15), Cancel);
        await using var second = await Start(database, data.Path, held);
        await UntilLoggedAsync(() => second.Logs().GetSnapshot().Any(r => r.Message == Waiting), "the second waiting for the first's rebuild", first, second);
        held.Release();
        await UntilLoggedAsync(() => LoggedRebuilt(first) == 1 && LoggedRebuiltByAnother(second) == 1, "both following the rebuilt index", first, second);
        Assert.Equal(1, shared.Rebuilds);

        var seller = await second.SignInAsync("13800000001");
        var listing = await second.PublishOkAsync(seller, ListingRequests.Concert(title: "陈奕迅 演唱会", ticketCode: "SHARED"));
        await first.SearchUntilAsync(new { text = "陈奕迅" }, r => SearchRequests.Ids(r).Contains(listing), "the listing");

        // One rebuilds; the other waits for it, or finds the index rebuilt under it first: either way it follows the new index.
        var before = new[] { first, second }.Select(server => server.Logs().GetSnapshot().Count).ToList();
        await SearchReindexCommand.RequestAsync(first.Services, Cancel);
        await UntilLoggedAsync(() => FollowsARebuildSince(first, before[0]) && FollowsARebuildSince(second, before[1]),
            "both following the index rebuilt on request", first, second);
        Assert.Equal(2, shared.Rebuilds);
        await first.SearchUntilAsync(new { text = "陈奕迅" }, r => SearchRequests.Ids(r).Contains(listing), "the listing in the rebuilt index");
        AssertNoSearchWarnings(first);
        AssertNoSearchWarnings(second);
    }

    [Fact]
    public async Task A_process_that_died_rebuilding_is_taken_over_when_its_lease_runs_out()
    {
        await using var database = await EveryDatabase.CreateAsync(DatabaseKind.Sqlite);
        using var data = new TestDataDirectory();
        using var lucene = new LuceneListingSearchIndex(Path.Combine(data.Path, "shared-search"));
        var shared = new SharedIndex(lucene);
        await using (var migrating = await Start(database, data.Path, shared))
        {
            // A first process builds the index and stops; then a process dies while it holds the rebuild lease.
            await UntilLoggedAsync(() => LoggedRebuilt(migrating) == 1, "the first rebuild", migrating);
            await using var scope = migrating.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
            Assert.True(await ProcessLease.TryHoldAsync(db, SearchIndexRebuild.LeaseName(shared.SharedName), "a process that died", DateTimeOffset.UtcNow,
                TimeSpan.FromSeconds(3), Cancel));
        }

        await using var server = await Start(database, data.Path, shared);
        await SearchReindexCommand.RequestAsync(server.Services, Cancel);

        await UntilLoggedAsync(() => server.Logs().GetSnapshot().Any(r => r.Message == Waiting), "waiting for the dead process's rebuild", server);
        await UntilLoggedAsync(() => LoggedRebuilt(server) == 1, "the rebuild taken over", server);
        Assert.Equal(2, shared.Rebuilds);
    }

    /// <summary>A server on the shared database (SQLite's lives in the data directory) and the shared index.</summary>
    private static Task<PlatformServer> Start(ITestDatabase database, string dataDirectory, IListingSearchIndex index) =>
        PlatformServer.StartAsync(database, dataDirectory: dataDirectory, configureServices: services =>
        {
            SharedIndex.Install(services, index);
            ServerLogs.Capture(services);
        });

    private static void AssertNoSearchWarnings(PlatformServer server) =>
        Assert.DoesNotContain(server.Logs().GetSnapshot(), r => r.Level >= LogLevel.Warning && IsSearch(r));

    private static bool IsSearch(FakeLogRecord record) => record.Category?.StartsWith("ETicket.Search", StringComparison.Ordinal) == true;

    private static int LoggedRebuilt(PlatformServer server) => server.Logs().GetSnapshot().Count(r => r.Message == Rebuilt);

    private static bool FollowsARebuildSince(PlatformServer server, int logged) =>
        server.Logs().GetSnapshot().Skip(logged).Any(r => r.Message == Rebuilt || r.Message.StartsWith(RebuiltByAnother, StringComparison.Ordinal));

    private static int LoggedRebuiltByAnother(PlatformServer server) =>
        server.Logs().GetSnapshot().Count(r => r.Message.StartsWith(RebuiltByAnother, StringComparison.Ordinal));

    private static async Task UntilLoggedAsync(Func<bool> condition, string what, params PlatformServer[] servers)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not seen within 20 s: {what}. The servers logged:\n"
                + string.Join("\n", servers.Select((server, n) => string.Join("\n", server.Logs().GetSnapshot()
                    .Where(IsSearch)
                    .Select(r => $"[{n + 1}] {r.Level} {r.Message} {r.Exception?.Message}")))));
            await Task.Delay(20, Cancel);
        }
    }
}
