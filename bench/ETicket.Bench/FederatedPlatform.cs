namespace ETicket.Bench;

/// <summary>
/// The federated platform as child processes, as scripts/federated.sh runs it: the members and the
/// tickets subgraph (the built ETicket.Graph.dll, one role each) on the bench's database, behind Hive
/// Gateway (the repository's gateway/gateway.config.mjs and schema/supergraph.graphql). Configured as
/// <see cref="PlatformUnderTest"/> configures the in-process host (Production, the same keys and
/// database, logging at Warning), each on a loopback port the OS hands out. Stopped when disposed.
/// </summary>
public sealed class FederatedPlatform : IAsyncDisposable
{
    private readonly ServerProcess _members, _tickets, _gateway;

    private FederatedPlatform(ServerProcess members, ServerProcess tickets, ServerProcess gateway, string logDirectory) =>
        (_members, _tickets, _gateway, LogDirectory) = (members, tickets, gateway, logDirectory);

    /// <summary>The gateway's GraphQL endpoint: what clients ask.</summary>
    public Uri Endpoint => _gateway.GraphQL;

    public Uri Members => _members.GraphQL;

    public Uri Tickets => _tickets.GraphQL;

    /// <summary>Where each process's output goes (<c>&lt;name&gt;.log</c>).</summary>
    public string LogDirectory { get; }

    /// <summary>The gateway and both subgraphs, in that order, by the names the report gives their CPU.</summary>
    public IReadOnlyList<MeasuredProcess> Processes => [.. new[] { _gateway, _members, _tickets }.Select(s => new MeasuredProcess(s.Name, s.Pid))];

    public static async Task<FederatedPlatform> StartAsync(BenchOptions options, BenchDatabase database)
    {
        var logs = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "logs")).FullName;
        var started = new List<ServerProcess>();
        try
        {
            // One at a time: each migrates the database on start (a no-op once the bench has), and
            // two migrating at once would race.
            var members = await StartSubgraphAsync("members", "Members", options, database, logs);
            started.Add(members);
            // Each process that serves tickets keeps its own embedded search index; the in-process
            // host holds the default folder, so this one takes another (as scripts/federated.sh does).
            var tickets = await StartSubgraphAsync("tickets", "Tickets", options, database, logs,
                new() { ["ETicket__Search__Lucene__Directory"] = "search-tickets" });
            started.Add(tickets);
            // The subgraphs' own introspection switch, off in Production: the gateway follows it.
            var gateway = await HiveGatewayProcess.StartAsync(options.RepoRoot, members.GraphQL, tickets.GraphQL,
                new Dictionary<string, string> { ["ETicket__Query__Introspection"] = "false" }, logs);
            started.Add(gateway);
            return new FederatedPlatform(members, tickets, gateway, logs);
        }
        catch
        {
            foreach (var server in Enumerable.Reverse(started))
                await server.DisposeAsync();
            throw;
        }
    }

    private static Task<ServerProcess> StartSubgraphAsync(string name, string role, BenchOptions options, BenchDatabase database, string logs,
        Dictionary<string, string>? more = null)
    {
        var port = ServerProcess.FreePort();
        // The in-process host's settings as environment variables (ETicket:Auth:SigningKey is ETicket__Auth__SigningKey).
        var environment = PlatformUnderTest.Settings(database).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        environment["ETicket__Role"] = role;
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["DOTNET_ENVIRONMENT"] = "Production";
        // The subgraphs believe X-Forwarded-For from the gateway only, as deployed.
        environment["ETicket__Network__TrustedProxies__0"] = "127.0.0.1";
        foreach (var (key, value) in more ?? [])
            environment[key] = value;
        return ServerProcess.StartAsync(name, "dotnet", [options.GraphDll!], environment, port, "/health", logs);
    }

    public async ValueTask DisposeAsync()
    {
        // The gateway first, so it never routes to a stopped subgraph.
        await _gateway.DisposeAsync();
        await _tickets.DisposeAsync();
        await _members.DisposeAsync();
    }
}
