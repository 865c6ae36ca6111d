using System.Globalization;
using System.Text;

namespace ETicket.Bench;

/// <summary>The summary's table for the market page through Hive Gateway, beside the all-in-one host.</summary>
public static class GatewaySummary
{
    /// <summary>The gateway's share of the all-in-one host's throughput the federation issue asks for.</summary>
    public const double Target = 0.40;

    public static void Append(StringBuilder md, IReadOnlyList<ProviderReport> providers)
    {
        var rows = GatewayResults(providers).ToList();
        if (rows.Count == 0)
            return;
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("### Through Hive Gateway").AppendLine();
        md.AppendLine("The members and tickets subgraphs and Hive Gateway as child processes, the gateway asked the same query with the platform's cursors " +
                      "(its answers are checked byte-identical to the all-in-one host's), each request with a client address of its own in X-Forwarded-For, " +
                      "so the gateway does not merge wrk's identical requests in flight into one subgraph request (post-clients.lua). Measured in one variant " +
                      "only, the first measured: it compares topologies, not indexes. CPU per request: each process's user + system time from /proc (with " +
                      "any process it forked) over the requests served; total = the three together, beside the all-in-one host's app CPU (the platform in " +
                      "this process), same variant and page.").AppendLine();
        md.AppendLine(c, $"| database | variant | page | gateway req/s | p50 / p99 ms | all-in-one req/s | p50 / p99 ms | gateway ÷ all-in-one | target | | " +
                         $"CPU µs/req {string.Join(" / ", rows[0].Gateway.Target.ServedBy)} | total | all-in-one app µs/req | total ÷ all-in-one |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        foreach (var (provider, variant, gateway) in rows)
        {
            var split = string.Join(" / ", gateway.Target.ServedBy.Select(p => gateway.CpuMicros(p).ToString("F0", c)));
            var allInOne = variant.Results.SingleOrDefault(r => r.Target.Server == "platform" && r.Target.Page == gateway.Target.Page);
            var line = new StringBuilder();
            line.Append(c, $"| {provider.Database.Name} | {variant.Name} | {gateway.Target.Page} | {gateway.RequestsPerSecond:N0} | {gateway.P50Ms:F2} / {gateway.P99Ms:F2} | ");
            if (allInOne is null)
            {
                // --topologies gateway: nothing to compare with.
                line.Append(c, $"– | – | – | {Target:P0} | | {split} | {gateway.ServerCpuMicros:F0} | – | – |");
            }
            else
            {
                var ratio = gateway.RequestsPerSecond / allInOne.RequestsPerSecond;
                line.Append(c, $"{allInOne.RequestsPerSecond:N0} | {allInOne.P50Ms:F2} / {allInOne.P99Ms:F2} | **{ratio:P0}** | {Target:P0} | {(ratio >= Target ? "met" : "missed")} | ");
                line.Append(c, $"{split} | {gateway.ServerCpuMicros:F0} | {allInOne.ServerCpuMicros:F0} | {gateway.ServerCpuMicros / allInOne.ServerCpuMicros:F2}× |");
            }
            md.AppendLine(line.ToString());
        }
        md.AppendLine();
        AppendFloor(md, providers);
    }

    /// <summary>The yardstick (<see cref="GatewayFloor"/>): what the gateway costs with a subgraph that costs nothing, against the budget the target leaves.</summary>
    private static void AppendFloor(StringBuilder md, IReadOnlyList<ProviderReport> providers)
    {
        var rows = GatewayResults(providers)
            .Select(row => (row.Provider, row.Gateway,
                Deployed: Find(row.Variant, GatewayFloor.DeployedName, row.Gateway.Target.Page),
                Alone: Find(row.Variant, GatewayFloor.AloneName, row.Gateway.Target.Page),
                AllInOne: Find(row.Variant, "platform", row.Gateway.Target.Page)))
            .Where(row => row.Deployed is not null && row.Alone is not null)
            .ToList();
        if (rows.Count == 0)
            return;
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("#### The gateway's own cost: the yardstick").AppendLine();
        md.AppendLine("The same load on two more gateways in front of a stand-in for the tickets subgraph that answers from memory with the real " +
                      "subgraph's bytes (GatewayFloor.cs): the deployed configuration (gateway floor), and Hive Gateway alone on the router runtime " +
                      "with nothing of ETicket's (gateway/bench/alone.config.mjs). CPU: the gateway process's alone. Budget: the CPU per request, " +
                      $"gateway, subgraphs and database server together, at which {Target:P0} of the all-in-one host's throughput would fill this machine's cores " +
                      "(wrk's own share left out, so a generous one).").AppendLine();
        md.AppendLine("| database | page | gateway µs/req (full) | gateway floor req/s | µs/req | Hive Gateway alone req/s | µs/req | all-in-one req/s | budget µs/req (gateway + subgraphs + database) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (provider, gateway, deployed, alone, allInOne) in rows)
        {
            var budget = allInOne is null ? "–" : (gateway.Cores * 1e6 / (Target * allInOne.RequestsPerSecond)).ToString("F0", c);
            md.AppendLine(c, $"| {provider.Database.Name} | {gateway.Target.Page} | {gateway.CpuMicros("gateway"):F0} | {deployed!.RequestsPerSecond:N0} | {deployed.ServerCpuMicros:F0} | " +
                             $"{alone!.RequestsPerSecond:N0} | {alone.ServerCpuMicros:F0} | {(allInOne is null ? "–" : allInOne.RequestsPerSecond.ToString("N0", c))} | {budget} |");
        }
        md.AppendLine();
    }

    /// <summary>Each result of the full path through the gateway, with its database and variant.</summary>
    private static IEnumerable<(ProviderReport Provider, VariantReport Variant, TargetResult Gateway)> GatewayResults(IReadOnlyList<ProviderReport> providers) =>
        providers.SelectMany(p => p.Variants.SelectMany(v => v.Results.Where(r => r.Target.Server == "gateway").Select(gateway => (p, v, gateway))));

    private static TargetResult? Find(VariantReport variant, string server, int page) =>
        variant.Results.SingleOrDefault(r => r.Target.Server == server && r.Target.Page == page);
}
