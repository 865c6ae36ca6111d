using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using ETicket.Domain.Persistence;
using MySqlConnector;

namespace ETicket.Bench;

/// <summary>Everything measured on one database: seed, check, EXPLAIN, load.</summary>
public sealed class ProviderBench(BenchOptions options, BenchDatabase database, TextWriter log)
{
    private static readonly HttpClient Http = CreateClient();

    public async Task<ProviderReport> RunAsync(CancellationToken cancellationToken)
    {
        SeedSummary seed;
        IReadOnlyList<MarketPage> platformPages;
        IReadOnlyList<string?> platformCursors;
        IReadOnlyList<CapturedCommand> firstPageSql, deepPageSql;

        // 1. A host with a SQL interceptor: migrate, seed, walk to page 50, capture the SQL of pages 1 and 50.
        await using (var host = await PlatformUnderTest.StartAsync(database, captureSql: true))
        {
            await using (var scope = host.Services.CreateAsyncScope())
                seed = await new Seeder(scope.ServiceProvider.GetRequiredService<ETicketDbContext>(), options, log).SeedIfNeededAsync(cancellationToken);
            log.WriteLine($"    {seed.MarketRows:N0} listings match the market page ({Market.Category}, {Market.City}, on sale)");
            if (seed.MarketRows < Market.DeepPage * Market.PageSize)
                throw new InvalidOperationException($"Page {Market.DeepPage} needs at least {Market.DeepPage * Market.PageSize} matching listings; seed more (--listings).");
            (platformPages, platformCursors) = await WalkAsync(host.Endpoint, cancellationToken);
            firstPageSql = await CaptureAsync(host, platformCursors[0], cancellationToken);
            deepPageSql = await CaptureAsync(host, platformCursors[Market.DeepPage - 1], cancellationToken);
        }

        // 2. The raw floor answers the same pages.
        await using var raw = await RawFloor.StartAsync(database.Provider, database.EffectiveConnectionString);
        var (rawPages, rawCursors) = await WalkAsync(raw.Endpoint, cancellationToken);
        foreach (var page in new[] { 1, Market.DeepPage })
            SameRows(page, "the raw floor", platformPages[page - 1], rawPages[page - 1]);
        log.WriteLine($"    platform and raw floor return the same titles, prices and nicknames on pages 1 and {Market.DeepPage}");

        // 2b. The minimal GraphQL.NET server runs the floor's statements, so it follows the floor's cursors.
        await using var minimal = await MinimalGraphQL.StartAsync(database.Provider, database.EffectiveConnectionString);
        var minimalAnswers = new Answering("the minimal GraphQL.NET server", minimal.Endpoint, rawCursors);
        await VerifyAsync([minimalAnswers], platformPages, cancellationToken);
        log.WriteLine("    so does a minimal GraphQL.NET server over the floor's statements");

        var explainer = new Explainer(database);
        var rawQuery = RawQuery();
        var versions = await VersionsAsync(cancellationToken);

        var variants = new List<(string Name, string? CreateSql, string? DropSql)> { ("as migrated", null, null) };
        variants.AddRange(options.Indexes.Where(index => index.Provider is null || index.Provider == database.Provider).Select(index => (
            $"+ index {index.Name} ({index.Columns})",
            (string?)$"CREATE INDEX {index.Name} ON Listings ({index.Columns})",
            (string?)(database.Provider == DatabaseProvider.MySql ? $"DROP INDEX {index.Name} ON Listings" : $"DROP INDEX {index.Name}"))));

        // 3. A host without interceptors, measured as is and with each candidate index; and the
        //    federated platform (child processes) on the same database, when asked for.
        await using var measured = await PlatformUnderTest.StartAsync(database, captureSql: false);
        await using var federated = options.MeasureGateway ? await FederatedPlatform.StartAsync(options, database) : null;
        await using var floor = federated is not null ? await GatewayFloor.StartAsync(options.RepoRoot, federated) : null;
        var cpu = new CpuMeter(await DatabasePidAsync(cancellationToken), federated is null ? null : [.. federated.Processes, .. floor!.Processes]);
        var bodies = await WriteBodiesAsync(platformCursors, rawCursors, cancellationToken);
        Answering[] answering = [new("the platform now", measured.Endpoint, platformCursors), new("the raw floor", raw.Endpoint, rawCursors), minimalAnswers];
        Target[] allInOne = options.MeasureAllInOne
            ?
            [
                new Target("platform", 1, measured.Endpoint, bodies.Platform1),
                new Target("raw", 1, raw.Endpoint, bodies.Raw1),
                new Target("platform", Market.DeepPage, measured.Endpoint, bodies.Platform50),
                new Target("raw", Market.DeepPage, raw.Endpoint, bodies.Raw50),
                new Target("minimal", 1, minimal.Endpoint, bodies.Raw1),
                new Target("minimal", Market.DeepPage, minimal.Endpoint, bodies.Raw50),
            ]
            : [];
        Target[] throughGateway = [];
        if (federated is not null)
        {
            log.WriteLine($"    started the members and tickets subgraphs and Hive Gateway ({string.Join(", ", federated.Processes.Select(p => $"{p.Name} pid {p.Pid}"))})");
            // The tickets subgraph builds its own search index on its first start: not to be measured.
            if (!await LoadRunner.SettleAsync(cpu, TimeSpan.FromMinutes(10), cancellationToken))
                log.WriteLine("    the child processes were still busy after 10 minutes; measuring anyway");
            // The gateway passes the tickets subgraph's cursors on: the platform's.
            answering = [.. answering, new("Hive Gateway", federated.Endpoint, platformCursors),
                new($"the {GatewayFloor.DeployedName}", floor!.Deployed, platformCursors), new(GatewayFloor.AloneName, floor.Alone, platformCursors)];
            await VerifyAsync(answering, platformPages, cancellationToken);
            await SameBytesAsync(measured.Endpoint, federated.Endpoint, platformCursors, cancellationToken);
            log.WriteLine($"    the gateway returns the platform's rows, its bodies byte-identical to the all-in-one host's on pages 1 and {Market.DeepPage}");
            string[] servedBy = [.. federated.Processes.Select(p => p.Name)];
            throughGateway =
            [
                new Target("gateway", 1, federated.Endpoint, bodies.Platform1, servedBy, AsManyClients: true),
                new Target("gateway", Market.DeepPage, federated.Endpoint, bodies.Platform50, servedBy, AsManyClients: true),
                // The yardstick: the gateways' own CPU, the stand-in subgraph's (in this process) apart.
                .. new[] { 1, Market.DeepPage }.SelectMany(page => floor.Processes.Select(gateway =>
                    new Target(gateway.Name, page, floor.Endpoint(gateway.Name),
                        page == 1 ? bodies.Platform1 : bodies.Platform50, [gateway.Name], AsManyClients: true))),
            ];
        }
        var result = new ProviderReport(database, seed, versions, firstPageSql, deepPageSql,
            platformPages[0].Characters, platformPages[Market.DeepPage - 1].Characters, rawPages[0].Characters, rawPages[Market.DeepPage - 1].Characters,
            GatewayChecked: federated is not null);

        async Task CheckAnswersAsync()
        {
            await VerifyAsync(answering, platformPages, cancellationToken);
            if (federated is not null)
                await SameBytesAsync(measured.Endpoint, federated.Endpoint, platformCursors, cancellationToken);
        }

        // The gateway's targets load the first variant measured (as migrated, unless --as-migrated
        // explain): they compare topologies, not indexes.
        var gatewayMeasured = false;
        foreach (var (name, create, drop) in variants)
        {
            if (create is not null)
            {
                log.WriteLine($"    {create}");
                // A run that stopped half-way may have left it.
                await explainer.ExecuteAsync(drop!.Replace("DROP INDEX", "DROP INDEX IF EXISTS", StringComparison.Ordinal), cancellationToken);
                await explainer.ExecuteAsync(create, cancellationToken);
                await explainer.ExecuteAsync(database.Provider == DatabaseProvider.MySql ? "ANALYZE TABLE Listings" : "ANALYZE", cancellationToken);
            }
            try
            {
                var deepCursor = RawCursor.Decode(rawCursors[Market.DeepPage - 1]!);
                var rawFirst = rawQuery.Describe(null, SellersOf(await rawQuery.PageAsync(null, cancellationToken)));
                var rawDeep = rawQuery.Describe(deepCursor, SellersOf(await rawQuery.PageAsync(deepCursor, cancellationToken)));
                var explain = new List<string>();
                foreach (var (index, command) in firstPageSql.Index())
                    explain.Add(await explainer.ExplainAsync($"platform, page 1, statement {index + 1}", command, cancellationToken));
                foreach (var (index, command) in deepPageSql.Index())
                    explain.Add(await explainer.ExplainAsync($"platform, page {Market.DeepPage}, statement {index + 1}", command, cancellationToken));
                // The first segment only: the platform and the floor read the second one when the first runs out within the page.
                explain.Add(await explainer.ExplainAsync("raw floor, page 1", rawFirst.Page[0], cancellationToken));
                explain.Add(await explainer.ExplainAsync($"raw floor, page {Market.DeepPage}", rawDeep.Page[0], cancellationToken));
                explain.Add(await explainer.ExplainAsync("raw floor, rows without a start time (read after the last timed one)", rawFirst.Page[^1], cancellationToken));
                explain.Add(await explainer.ExplainAsync("raw floor, sellers", rawFirst.Sellers, cancellationToken));

                await CheckAnswersAsync();
                var measure = !options.VerifyOnly && (create is not null || options.MeasureAsMigrated);
                Target[] targets = measure && !gatewayMeasured ? [.. allInOne, .. throughGateway] : allInOne;
                gatewayMeasured |= measure;
                var measurements = measure ? await new LoadRunner(options, cpu, log).RunAsync(targets, cancellationToken) : [];
                await CheckAnswersAsync();
                result.Variants.Add(new VariantReport(name, explain, measurements));
            }
            finally
            {
                if (drop is not null)
                    await explainer.ExecuteAsync(drop, cancellationToken);
            }
        }
        return result;
    }

    /// <summary>Follows end cursors from page 1 to page 50; returns the pages and the <c>after</c> each was asked with.</summary>
    private static async Task<(IReadOnlyList<MarketPage> Pages, IReadOnlyList<string?> Cursors)> WalkAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var pages = new List<MarketPage>();
        var cursors = new List<string?>();
        string? after = null;
        for (var page = 1; page <= Market.DeepPage; page++)
        {
            var answer = await PostAsync(endpoint, after, cancellationToken);
            if (answer.Rows.Count != Market.PageSize)
                throw new InvalidOperationException($"{endpoint}: page {page} has {answer.Rows.Count} rows, expected {Market.PageSize}.");
            cursors.Add(after);
            pages.Add(answer);
            after = answer.EndCursor ?? throw new InvalidOperationException($"{endpoint}: page {page} has no end cursor.");
        }
        return (pages, cursors);
    }

    private static async Task<MarketPage> PostAsync(Uri endpoint, string? after, CancellationToken cancellationToken) =>
        Market.Read(Encoding.UTF8.GetString(await PostForBytesAsync(endpoint, after, cancellationToken)));

    /// <summary>The answer's body as sent (the client asks for no compression).</summary>
    private static async Task<byte[]> PostForBytesAsync(Uri endpoint, string? after, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(Market.Body(after));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Http.PostAsync(endpoint, content, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{endpoint} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        return body;
    }

    private static async Task<IReadOnlyList<CapturedCommand>> CaptureAsync(PlatformUnderTest host, string? after, CancellationToken cancellationToken)
    {
        var capture = host.Capture!;
        capture.Take();
        capture.Recording = true;
        await PostAsync(host.Endpoint, after, cancellationToken);
        capture.Recording = false;
        // Background work (outbox relay, sweeps) may have run meanwhile: keep the market page's statements.
        string[] background = ["OutboxMessages", "RelayLeases", "Orders"];
        return [.. capture.Take().Where(c => !background.Any(table => c.Sql.Contains(table, StringComparison.Ordinal)))];
    }

    /// <summary>A server the answers are checked on, and the <c>after</c> values it pages with (its own cursors).</summary>
    private sealed record Answering(string Name, Uri Endpoint, IReadOnlyList<string?> Cursors);

    /// <summary>Throws unless each server answers pages 1 and 50 with the platform's first rows.</summary>
    private static async Task VerifyAsync(IReadOnlyList<Answering> servers, IReadOnlyList<MarketPage> expected, CancellationToken cancellationToken)
    {
        foreach (var page in new[] { 1, Market.DeepPage })
        {
            foreach (var server in servers)
                SameRows(page, server.Name, expected[page - 1], await PostAsync(server.Endpoint, server.Cursors[page - 1], cancellationToken));
        }
    }

    /// <summary>
    /// Throws unless the gateway answers pages 1 and 50 with exactly the all-in-one host's bytes: the
    /// federation asks for byte-identical answers through the gateway, and these queries are no exception.
    /// </summary>
    private static async Task SameBytesAsync(Uri allInOne, Uri gateway, IReadOnlyList<string?> cursors, CancellationToken cancellationToken)
    {
        foreach (var page in new[] { 1, Market.DeepPage })
        {
            var expected = await PostForBytesAsync(allInOne, cursors[page - 1], cancellationToken);
            var actual = await PostForBytesAsync(gateway, cursors[page - 1], cancellationToken);
            if (expected.AsSpan().SequenceEqual(actual))
                continue;
            throw new InvalidOperationException(
                $"Page {page}: the gateway's answer is not byte-identical to the all-in-one host's (they part at byte {expected.AsSpan().CommonPrefixLength(actual)}).\n" +
                $"all-in-one, {expected.Length} bytes:\n{Encoding.UTF8.GetString(expected)}\ngateway, {actual.Length} bytes:\n{Encoding.UTF8.GetString(actual)}");
        }
    }

    /// <summary>Throws when <paramref name="other"/> (named) does not return the platform's first answer's rows.</summary>
    private static void SameRows(int page, string name, MarketPage platform, MarketPage other)
    {
        if (platform.Rows.SequenceEqual(other.Rows))
            return;
        var lines = platform.Rows.Zip(other.Rows).Select((pair, i) => $"{i + 1,2}: {(pair.First == pair.Second ? "  " : "!=")} {pair.First} | {pair.Second}");
        throw new InvalidOperationException($"Page {page}: the platform and {name} disagree:\n{string.Join('\n', lines)}");
    }

    private static IReadOnlyList<string> SellersOf(RawPage page) => [.. page.Rows.Select(r => r.SellerId).Distinct()];

    private async Task<(string Platform1, string Platform50, string Raw1, string Raw50)> WriteBodiesAsync(
        IReadOnlyList<string?> platformCursors, IReadOnlyList<string?> rawCursors, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "bodies")).FullName;
        async Task<string> Write(string name, string? after)
        {
            var path = Path.Combine(directory, name);
            await File.WriteAllBytesAsync(path, Market.Body(after), cancellationToken);
            return path;
        }
        return (
            await Write("platform-1.json", platformCursors[0]),
            await Write($"platform-{Market.DeepPage}.json", platformCursors[Market.DeepPage - 1]),
            await Write("raw-1.json", rawCursors[0]),
            await Write($"raw-{Market.DeepPage}.json", rawCursors[Market.DeepPage - 1]));
    }

    private IMarketQuery RawQuery() => RawFloor.Query(database.Provider, database.EffectiveConnectionString);

    private async Task<int?> DatabasePidAsync(CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.MySql)
            return null;
        if (options.MariaDbPid is { } pid)
            return pid;
        await using var connection = new MySqlConnection(database.EffectiveConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand("SELECT @@pid_file", connection);
        var file = await command.ExecuteScalarAsync(cancellationToken) as string;
        return file is not null && File.Exists(file) && int.TryParse((await File.ReadAllTextAsync(file, cancellationToken)).Trim(), out var found) ? found : null;
    }

    private async Task<string> VersionsAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.MySql)
        {
            await using var connection = new MySqlConnection(database.EffectiveConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new MySqlCommand("SELECT VERSION()", connection);
            return $"MariaDB {await command.ExecuteScalarAsync(cancellationToken)}, MySqlConnector {InformationalVersion(typeof(MySqlConnection))}";
        }
        await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection(database.EffectiveConnectionString);
        await sqlite.OpenAsync(cancellationToken);
        await using var version = sqlite.CreateCommand();
        version.CommandText = "SELECT sqlite_version()";
        return $"SQLite {await version.ExecuteScalarAsync(cancellationToken)} (WAL), Microsoft.Data.Sqlite {InformationalVersion(typeof(Microsoft.Data.Sqlite.SqliteConnection))}";
    }

    private static string? InformationalVersion(Type type) =>
        type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];

    private static HttpClient CreateClient()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json, application/json");
        return client;
    }
}
