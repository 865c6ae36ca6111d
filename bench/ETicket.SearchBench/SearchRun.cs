using System.Diagnostics;
using System.Net.Http.Headers;
using ETicket.Bench;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Persistence;
using ETicket.Search;

namespace ETicket.SearchBench;

/// <summary>What one database's run measured.</summary>
public sealed record SearchRunReport(
    BenchDatabase Database,
    int Listings,
    TimeSpan Seeding,
    TimeSpan IndexBuild,
    long IndexBytes,
    FreshnessResult? Freshness,
    IReadOnlyList<SearchCheck> Checks,
    IReadOnlyList<(Search Search, IReadOnlyList<ProfileStep> Steps)> Profiles,
    IReadOnlyList<SearchMeasurement> Measurements);

/// <summary>What each server answered to one search, before the load: the platform's and the floor's must agree.</summary>
public sealed record SearchCheck(Search Search, SearchAnswer Platform, SearchAnswer Lucene, SearchAnswer Like)
{
    public bool FloorAgrees =>
        Platform.TotalCount == Lucene.TotalCount
        && Platform.Rows.Select(r => r.Id).SequenceEqual(Lucene.Rows.Select(r => r.Id))
        && Platform.CategoryCounts.SequenceEqual(Lucene.CategoryCounts)
        && Platform.CityCounts.SequenceEqual(Lucene.CityCounts);
}

/// <summary>
/// One search under load on the three servers, and the platform alone on one connection (its
/// latency without queueing); a null result is a target that completed no request.
/// </summary>
public sealed record SearchMeasurement(Search Search, TargetResult? Platform, TargetResult? Lucene, TargetResult? Like, TargetResult? PlatformAlone);

/// <summary>
/// One database: seed, start the real platform with its index deleted and time start → index Ready,
/// measure freshness while publishing, then check and load the six searches on the platform, the raw
/// Lucene floor and LIKE.
/// </summary>
public sealed class SearchRun(SearchBenchOptions options, BenchDatabase database, TextWriter log)
{
    private static readonly HttpClient Http = CreateClient();

    public async Task<SearchRunReport> RunAsync(CancellationToken cancellationToken)
    {
        var indexRoot = Path.Combine(database.DataDirectory, new LuceneSearchOptions().Directory);
        var seeding = TimeSpan.Zero;
        var started = 0L;
        await using var platform = await PlatformUnderTest.StartAsync(database, captureSql: false, app =>
        {
            // Migrated, not yet started: seed, then delete the index so the start rebuilds it from the database.
            using (var scope = app.Services.CreateScope())
                seeding = new SearchSeeder(scope.ServiceProvider.GetRequiredService<ETicketDbContext>(), options, log)
                    .SeedIfNeededAsync(cancellationToken).GetAwaiter().GetResult();
            if (Directory.Exists(indexRoot))
                Directory.Delete(indexRoot, recursive: true);
            started = Stopwatch.GetTimestamp();
        });
        var index = platform.Services.GetRequiredService<IListingSearchIndex>();
        while ((await index.InspectAsync(cancellationToken)).Health != SearchIndexHealth.Ready)
            await Task.Delay(50, cancellationToken);
        var build = Stopwatch.GetElapsedTime(started);
        var bytes = new DirectoryInfo(indexRoot).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        log.WriteLine($"    index Ready {build.TotalSeconds:F1} s after start, {bytes / 1048576.0:F0} MiB");

        log.WriteLine($"    freshness: publishing {options.PublishCount} listings at {options.PublishRate}/s");
        FreshnessResult freshness;
        using (var probe = new Freshness(platform.Endpoint, await AccessTokenAsync(platform, cancellationToken)))
            freshness = await probe.RunAsync(options.PublishCount, options.PublishRate, cancellationToken);
        log.WriteLine($"    found after p50 {freshness.FoundPercentile(0.5):F0} ms, p99 {freshness.FoundPercentile(0.99):F0} ms " +
                      $"(publish answered after p50 {freshness.PublishPercentile(0.5):F0} ms), not found {freshness.NotFound}; " +
                      $"warm-up publishes answered in {freshness.WarmUpPublishMs} ms");
        // The floor reads the last commit; the platform commits at most a second after a write.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);

        await using var floors = await SearchFloors.StartAsync(indexRoot, SqlListings.For(database));
        var searches = Searches.All(DateTimeOffset.UtcNow);
        var bodies = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "search-bodies")).FullName;
        var checks = new List<SearchCheck>();
        var targets = new List<(Search Search, Target Platform, Target Lucene, Target Like, Target Alone)>();
        foreach (var search in searches)
        {
            var (platformTarget, platformAnswer) = await PrepareAsync("platform", platform.Endpoint, search, bodies, cancellationToken);
            var (luceneTarget, luceneAnswer) = await PrepareAsync("lucene", floors.Lucene, search, bodies, cancellationToken);
            var (likeTarget, likeAnswer) = await PrepareAsync("like", floors.Like, search, bodies, cancellationToken);
            var check = new SearchCheck(search, platformAnswer, luceneAnswer, likeAnswer);
            checks.Add(check);
            log.WriteLine($"    {search.Name}: total {platformAnswer.TotalCount:N0}, floor {(check.FloorAgrees ? "agrees" : "DIFFERS")}, LIKE page has {likeAnswer.Rows.Count} rows");
            targets.Add((search, platformTarget, luceneTarget, likeTarget, platformTarget with { Server = platformTarget.Server + " (1 connection)" }));
        }

        var profiles = new List<(Search, IReadOnlyList<ProfileStep>)>();
        foreach (var target in targets)
        {
            var steps = floors.Profile(target.Lucene.BodyFile);
            profiles.Add((target.Search, steps));
            log.WriteLine($"    one search alone, {target.Search.Name}: " + string.Join(", ", steps.Select(s => $"{s.Name} p50 {s.P50Ms:F1} ms p99 {s.P99Ms:F1} ms")));
        }

        var measurements = new List<SearchMeasurement>();
        if (!options.VerifyOnly)
        {
            var like = targets.Select(t => t.Like).ToHashSet();
            var alone = targets.Select(t => t.Alone).ToHashSet();
            var results = await MeasureAsync([.. targets.SelectMany(t => new[] { t.Platform, t.Lucene, t.Like, t.Alone })], like, alone, cancellationToken);
            measurements.AddRange(targets.Select(t => new SearchMeasurement(t.Search, results[t.Platform], results[t.Lucene], results[t.Like], results[t.Alone])));
        }
        return new SearchRunReport(database, options.Listings, seeding, build, bytes, freshness, checks, profiles, measurements);
    }

    /// <summary>Follows the server's own end cursors to the search's page; writes the body that asks for it.</summary>
    private static async Task<(Target, SearchAnswer)> PrepareAsync(string server, Uri endpoint, Search search, string bodies, CancellationToken cancellationToken)
    {
        string? after = null;
        for (var page = 1; page < search.Page; page++)
        {
            var answer = await PostAsync(endpoint, SearchBody.Write(search.Input, after), cancellationToken);
            after = answer.EndCursor ?? throw new InvalidOperationException($"{server}: {search.Name} has no page {page + 1}.");
        }
        var body = SearchBody.Write(search.Input, after);
        var file = Path.Combine(bodies, $"{server}-{string.Concat(search.Name.Where(char.IsAsciiLetterOrDigit))}.json");
        await File.WriteAllBytesAsync(file, body, cancellationToken);
        return (new Target($"{server} {search.Name}", search.Page, endpoint, file), await PostAsync(endpoint, body, cancellationToken));
    }

    /// <param name="like">Run with <see cref="SearchBenchOptions.LikeConnections"/>, three times as long: one scan takes long.</param>
    /// <param name="alone">Run on one connection: latency without queueing.</param>
    private async Task<Dictionary<Target, TargetResult?>> MeasureAsync(
        IReadOnlyList<Target> targets, IReadOnlySet<Target> like, IReadOnlySet<Target> alone, CancellationToken cancellationToken)
    {
        var cpu = new CpuMeter(database.Provider == DatabaseProvider.MySql ? options.MariaDbPid : null);
        var loaded = new Wrk(options.Wrk, options.Threads, options.Connections, cpu);
        var few = new Wrk(options.Wrk, Math.Min(options.Threads, options.LikeConnections), options.LikeConnections, cpu);
        var single = new Wrk(options.Wrk, 1, 1, cpu);
        Wrk WrkFor(Target target) => like.Contains(target) ? few : alone.Contains(target) ? single : loaded;
        TimeSpan DurationOf(Target target) => like.Contains(target) ? options.Duration * 3 : options.Duration;
        foreach (var target in targets.Where(t => !alone.Contains(t)))
        {
            await TryRunAsync(WrkFor(target), target, options.Warmup, cancellationToken);
            await LoadRunner.SettleAsync(cpu, cancellationToken);
        }
        var runs = targets.ToDictionary(t => t, _ => new List<LoadResult>());
        for (var run = 1; run <= options.Runs; run++)
        {
            // Interleaved, so drift in the machine's load touches every target alike.
            foreach (var target in targets)
            {
                var result = await TryRunAsync(WrkFor(target), target, DurationOf(target), cancellationToken);
                await LoadRunner.SettleAsync(cpu, cancellationToken);
                if (result is null)
                {
                    log.WriteLine($"    run {run} {target.Server,-40} no request completed");
                    continue;
                }
                runs[target].Add(result);
                log.WriteLine($"    run {run} {target.Server,-40} {result.RequestsPerSecond,8:F1} req/s  p50 {result.P50Ms,8:F2} ms  p99 {result.P99Ms,8:F2} ms  " +
                              $"{(result.Failures > 0 ? $"FAILED {result.FailureSummary}  " : "")}foreign {result.Cpu.ForeignShare(cpu.Cores):P0}");
            }
        }
        return targets.ToDictionary(t => t, t => runs[t].Count > 0 ? new TargetResult(t, runs[t], cpu.Cores) : null);
    }

    /// <summary>A run, or null when wrk completed no request (a LIKE scan slower than the run).</summary>
    private static async Task<LoadResult?> TryRunAsync(Wrk wrk, Target target, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            var result = await wrk.RunAsync(target.Url, target.BodyFile, duration, cancellationToken);
            return result.Requests > 0 ? result : null;
        }
        catch (InvalidOperationException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>A seller's token, from the platform's own sign-in service (the GraphQL one is Development-only).</summary>
    private static async Task<string> AccessTokenAsync(PlatformUnderTest platform, CancellationToken cancellationToken)
    {
        using var scope = platform.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<DevelopmentSignIn>().SignInAsync(Freshness.SellerPhoneNumber, "新鲜度探针", cancellationToken);
        return outcome.Value?.AccessToken ?? throw new InvalidOperationException($"Sign-in failed: {string.Join("; ", outcome.Errors)}");
    }

    private static async Task<SearchAnswer> PostAsync(Uri endpoint, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Http.PostAsync(endpoint, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{endpoint} answered {(int)response.StatusCode}: {text}");
        return SearchAnswer.Parse(text);
    }

    private static HttpClient CreateClient()
    {
        var client = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json, application/json");
        return client;
    }
}
