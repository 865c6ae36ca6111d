using ETicket.Graph.Search;
using ETicket.Search;
using ETicket.Search.Indexing;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ETicket.Tests.Search;

/// <summary>The index across restarts, losses and time: it catches up, rebuilds, and forgets what expired.</summary>
public sealed class SearchIndexLifecycleTests
{
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_restart_catches_up_with_changes_made_while_nothing_indexed(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        using var data = new TestDataDirectory();
        var dataDirectory = data.Path;
        string early, late;
        await using (var server = await PlatformServer.StartAsync(database, dataDirectory: dataDirectory))
        {
            var seller = await server.SignInAsync("13800000001");
            early = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "林俊杰 杭州演唱会", ticketCode: "A", price: "900"));
            await server.SearchUntilAsync(new { text = "林俊杰" }, r => SearchRequests.Ids(r).Contains(early), "the first listing");
        }
        await using (var server = await PlatformServer.StartAsync(database, dataDirectory: dataDirectory, configureServices: WithoutIndexer))
        {
            var seller = await server.SignInAsync("13800000001");
            late = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "林俊杰 南京演唱会", ticketCode: "B"));
            Assert.Empty((await server.ChangePriceAsync(seller, early, "400"))["errors"]!.AsArray());
        }

        await using var restarted = await PlatformServer.StartAsync(database, dataDirectory: dataDirectory);
        await restarted.SearchUntilAsync(new { text = "林俊杰", maxPrice = "500" }, r => SearchRequests.Ids(r).Contains(early), "the new price");
        await restarted.SearchUntilAsync(new { text = "林俊杰" }, r => SearchRequests.Ids(r).Contains(late), "the listing published meanwhile");
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("corrupted")]
    public async Task A_lost_index_is_rebuilt_from_the_database(string loss)
    {
        using var data = new TestDataDirectory();
        var dataDirectory = data.Path;
        string listingId;
        await using (var server = await PlatformServer.StartAsync(dataDirectory: dataDirectory))
        {
            var seller = await server.SignInAsync("13800000001");
            listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "迪士尼乐园一日票"));
            await server.SearchUntilAsync(new { text = "迪士尼" }, r => SearchRequests.Ids(r).Contains(listingId), "the listing");
        }
        var index = Path.Combine(dataDirectory, new LuceneSearchOptions().Directory);
        if (loss == "deleted")
            Directory.Delete(index, recursive: true);
        else
            Corrupt(index);

        await using var restarted = await PlatformServer.StartAsync(dataDirectory: dataDirectory);
        await restarted.SearchUntilAsync(new { text = "迪士尼" }, r => SearchRequests.Ids(r).Contains(listingId), "the listing in the rebuilt index");
    }

    [Fact]
    public async Task Two_processes_on_one_index_folder_are_refused_with_the_setting_to_change()
    {
        using var data = new TestDataDirectory();
        var dataDirectory = data.Path;
        await using var first = await PlatformServer.StartAsync(dataDirectory: dataDirectory);
        await first.SearchUntilAsync(new { text = "x" }, _ => true, "an answer");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => PlatformServer.StartAsync(dataDirectory: dataDirectory));

        Assert.Contains("ETicket:Search:Lucene:Directory", refused.ToString());
        await using var second = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Search:Lucene:Directory"] = "search-2" },
            dataDirectory: dataDirectory);
        await second.SearchUntilAsync(new { text = "x" }, _ => true, "an answer from its own index");
    }

    [Fact]
    public async Task An_expired_listing_is_not_found()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await EveryDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = await TestClock.StartAsync(database, clock);
        var seller = await server.SignInAsync("13800000001");
        var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "哈利波特 舞台剧",
            startsAt: clock.GetUtcNow().AddDays(3).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)));
        await server.SearchUntilAsync(new { text = "哈利波特" }, r => SearchRequests.Ids(r).Contains(listingId), "the listing");

        clock.Advance(TimeSpan.FromDays(4));

        Assert.Empty(SearchRequests.Ids(await server.SearchOkAsync(new { text = "哈利波特" })));
        await server.SweepAsync();
        await server.SearchUntilAsync(new { text = "哈利波特" }, r => SearchRequests.Ids(r).Count == 0 && r["listings"]!["totalCount"]!.GetValue<int>() == 0,
            "nothing once the sweep recorded the expiry");
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_reindex_while_searches_run_serves_every_search(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database, configureServices: ServerLogs.Capture);
        server.Logs().Clear(); // the start's own notes (WeChat sign-in off) are not this test's business
        var seller = await server.SignInAsync("13800000001");
        var listings = new List<string>();
        for (var i = 0; i < 5; i++)
            listings.Add(await server.PublishOkAsync(seller, ListingRequests.Concert(title: $"张学友 经典演唱会 {i}", ticketCode: $"T{i}")));
        await server.SearchUntilAsync(new { text = "张学友" }, r => SearchRequests.Ids(r).Count == 5, "five listings");

        using var searching = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var answers = SearchUntilCancelledAsync(server, searching.Token);
        var request = await SearchReindexCommand.RequestAsync(server.Services, TestContext.Current.CancellationToken);
        var publishedMeanwhile = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "张学友 加场", ticketCode: "EXTRA"));
        await UntilLoggedAsync(server, "The search index was rebuilt");
        await searching.CancelAsync();

        var all = await answers;
        Assert.True(request > 0);
        Assert.NotEmpty(all);
        Assert.All(all, answer => Assert.Superset(listings.ToHashSet(), answer.ToHashSet()));
        await server.SearchUntilAsync(new { text = "张学友" }, r => SearchRequests.Ids(r).Contains(publishedMeanwhile), "the listing published during the rebuild");
        server.AssertNoWarnings();
    }

    [Fact]
    public async Task Changes_keep_reaching_search_while_a_rebuild_runs()
    {
        await using var server = await PlatformServer.StartAsync(configureServices: services => ServerLogs.Capture(HeldRebuildsIn(services)));
        var seller = await server.SignInAsync("13800000001");
        var before = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "刘德华 演唱会", ticketCode: "BEFORE"));
        await server.SearchUntilAsync(new { text = "刘德华" }, r => SearchRequests.Ids(r).Contains(before), "the first listing");
        var rebuilds = server.Services.GetRequiredService<HeldRebuilds>();

        var held = rebuilds.HoldNext();
        await SearchReindexCommand.RequestAsync(server.Services, TestContext.Current.CancellationToken);
        await held.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        var during = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "刘德华 加场", ticketCode: "DURING"));

        await server.SearchUntilAsync(new { text = "刘德华" }, r => SearchRequests.Ids(r).Contains(during), "a listing published while the rebuild is held");
        rebuilds.Release();
        await UntilLoggedAsync(server, "The search index was rebuilt");
        await server.SearchUntilAsync(new { text = "刘德华" }, r => SearchRequests.Ids(r).Count == 2, "both listings in the rebuilt index");
    }

    private static IServiceCollection HeldRebuildsIn(IServiceCollection services)
    {
        HeldRebuilds.Install(services);
        return services;
    }

    /// <summary>Searches one after another until cancelled; every answer must be a success.</summary>
    private static async Task<List<IReadOnlyList<string>>> SearchUntilCancelledAsync(PlatformServer server, CancellationToken cancellationToken)
    {
        var answers = new List<IReadOnlyList<string>>();
        while (!cancellationToken.IsCancellationRequested)
            answers.Add(SearchRequests.Ids(await server.SearchOkAsync(new { text = "张学友" }, first: 100)));
        return answers;
    }

    private static async Task UntilLoggedAsync(PlatformServer server, string message)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!server.Logs().GetSnapshot().Any(record => record.Message == message))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The server did not log \"{message}\" within 15 s.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static void WithoutIndexer(IServiceCollection services)
    {
        var indexer = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ListingIndexer));
        services.Remove(indexer);
    }

    /// <summary>Overwrites every file of the index in use with bytes Lucene cannot read.</summary>
    private static void Corrupt(string index)
    {
        foreach (var file in Directory.EnumerateFiles(index, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "current"))
            File.WriteAllBytes(file, [1, 2, 3, 4, 5, 6, 7, 8]);
    }
}
