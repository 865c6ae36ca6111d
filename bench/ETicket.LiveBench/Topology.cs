namespace ETicket.LiveBench;

/// <summary>The platform processes of one run and the address clients use.</summary>
public sealed class Topology : IAsyncDisposable
{
    private Topology(string name, IReadOnlyList<ServerProcess> servers, Uri graphql) => (Name, Servers, GraphQL) = (name, servers, graphql);

    public string Name { get; }

    public IReadOnlyList<ServerProcess> Servers { get; }

    public Uri GraphQL { get; }

    public static async Task<Topology> AllInOneAsync(LiveBenchOptions options, string dataDirectory)
    {
        var port = ServerProcess.FreePort();
        var server = await ServerProcess.StartAsync("all-in-one", "dotnet", [options.GraphDll], PlatformEnvironment(dataDirectory, port),
            port, "/health", dataDirectory);
        return new Topology("all-in-one", [server], server.GraphQL);
    }

    /// <summary>Members and tickets subgraphs sharing one SQLite database, behind Hive Gateway (as scripts/federated.sh runs them).</summary>
    public static async Task<Topology> GatewayAsync(LiveBenchOptions options, string dataDirectory)
    {
        var started = new List<ServerProcess>();
        try
        {
            var membersPort = ServerProcess.FreePort();
            var members = await ServerProcess.StartAsync("members", "dotnet", [options.GraphDll],
                new Dictionary<string, string>(PlatformEnvironment(dataDirectory, membersPort)) { ["ETicket__Role"] = "Members" }, membersPort, "/health", dataDirectory);
            started.Add(members);
            var ticketsPort = ServerProcess.FreePort();
            var tickets = await ServerProcess.StartAsync("tickets", "dotnet", [options.GraphDll],
                new Dictionary<string, string>(PlatformEnvironment(dataDirectory, ticketsPort)) { ["ETicket__Role"] = "Tickets" }, ticketsPort, "/health", dataDirectory);
            started.Add(tickets);
            var gateway = await HiveGatewayProcess.StartAsync(options.RepoRoot, members.GraphQL, tickets.GraphQL,
                new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" }, dataDirectory);
            started.Add(gateway);
            return new Topology("through Hive Gateway", started, gateway.GraphQL);
        }
        catch
        {
            foreach (var server in started)
                await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Development, for its sign-in (the publisher needs a member); logging at Warning as in production.
    /// </summary>
    private static Dictionary<string, string> PlatformEnvironment(string dataDirectory, int port) => new()
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ETicket__DataDirectory"] = dataDirectory,
        ["ETicket__Network__TrustedProxies__0"] = "127.0.0.1",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Servers.Reverse())
            await server.DisposeAsync();
    }
}
