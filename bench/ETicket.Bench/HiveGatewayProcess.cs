using System.Globalization;

namespace ETicket.Bench;

/// <summary>Hive Gateway as the repository configures it (gateway/gateway.config.mjs, schema/supergraph.graphql), in front of two subgraphs.</summary>
public static class HiveGatewayProcess
{
    /// <summary>The deployed configuration, relative to the repository.</summary>
    public const string DeployedConfig = "gateway/gateway.config.mjs";

    /// <summary>
    /// Starts it on a free loopback port and waits until it is ready; <paramref name="environment"/>
    /// adds to the subgraph addresses and NODE_ENV=production. <paramref name="config"/> (relative to
    /// the repository) and <paramref name="name"/> default to the deployed gateway.
    /// </summary>
    public static Task<ServerProcess> StartAsync(string repoRoot, Uri membersGraphQL, Uri ticketsGraphQL, IReadOnlyDictionary<string, string> environment, string logDirectory,
        string config = DeployedConfig, string name = "gateway")
    {
        var port = ServerProcess.FreePort();
        var variables = new Dictionary<string, string>(environment)
        {
            ["ETICKET_MEMBERS_URL"] = membersGraphQL.ToString(),
            ["ETICKET_TICKETS_URL"] = ticketsGraphQL.ToString(),
            ["NODE_ENV"] = "production",
        };
        return ServerProcess.StartAsync(name, Path.Combine(repoRoot, "gateway", "node_modules", ".bin", "hive-gateway"),
            ["supergraph", Path.Combine(repoRoot, "schema", "supergraph.graphql"),
                "--config-path", Path.Combine(repoRoot, config),
                "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)],
            variables, port, "/readiness", logDirectory);
    }
}
