using System.Globalization;

namespace ETicket.Bench;

/// <summary>Hive Gateway as the repository configures it (gateway/gateway.config.mjs, schema/supergraph.graphql), in front of two subgraphs.</summary>
public static class HiveGatewayProcess
{
    /// <summary>Starts it on a free loopback port and waits until it is ready; <paramref name="environment"/> adds to the subgraph addresses and NODE_ENV=production.</summary>
    public static Task<ServerProcess> StartAsync(string repoRoot, Uri membersGraphQL, Uri ticketsGraphQL, IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        var port = ServerProcess.FreePort();
        var variables = new Dictionary<string, string>(environment)
        {
            ["ETICKET_MEMBERS_URL"] = membersGraphQL.ToString(),
            ["ETICKET_TICKETS_URL"] = ticketsGraphQL.ToString(),
            ["NODE_ENV"] = "production",
        };
        return ServerProcess.StartAsync("gateway", Path.Combine(repoRoot, "gateway", "node_modules", ".bin", "hive-gateway"),
            ["supergraph", Path.Combine(repoRoot, "schema", "supergraph.graphql"),
                "--config-path", Path.Combine(repoRoot, "gateway", "gateway.config.mjs"),
                "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)],
            variables, port, "/readiness", logDirectory);
    }
}
