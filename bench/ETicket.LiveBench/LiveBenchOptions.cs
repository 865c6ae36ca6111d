using System.Globalization;

namespace ETicket.LiveBench;

public sealed class LiveBenchOptions
{
    public const string Usage =
        """
        ETicket.LiveBench: subscription fan-out over graphql-transport-ws (see docs/benchmarks.md).

          --graph-dll <path>         the built ETicket.Graph.dll to run (bench/live.sh builds it)
          --repo <dir>               the repository (for the gateway and the supergraph; default .)
          --topologies <list>        all-in-one,gateway (default both)
          --subscribers <n>          concurrent subscribers to listingPublished (default 2000)
          --gateway-subscribers <n>  subscribers through the gateway (default: --subscribers)
          --publishes <n>            listings published (default 100)
          --rate <per second>        publishing rate (default 10)
          --hold <n>                 open subscriptions held all-in-one, then checked with 5 events (default 10000; 0 skips)
          --data <dir>               working directory (default bench/.data/live)
          --out <file.md>            the report (default <data>/report.md)
        """;

    public string GraphDll { get; private init; } = "";
    public string RepoRoot { get; private init; } = Path.GetFullPath(".");
    public IReadOnlyList<string> Topologies { get; private init; } = ["all-in-one", "gateway"];
    public int Subscribers { get; private init; } = 2000;
    public int? GatewaySubscribers { get; private init; }
    public int Publishes { get; private init; } = 100;
    public double Rate { get; private init; } = 10;
    public int Hold { get; private init; } = 10_000;
    public string DataDirectory { get; private init; } = Path.GetFullPath(Path.Combine("bench", ".data", "live"));
    public string? Out { get; private init; }

    public string Report => Out ?? Path.Combine(DataDirectory, "report.md");

    public static LiveBenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.\n\n{Usage}");
            values[args[i][2..]] = args[i + 1];
        }
        string? One(string name) => values.Remove(name, out var value) ? value : null;
        int Int(string name, int fallback) => One(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var defaults = new LiveBenchOptions();
        var options = new LiveBenchOptions
        {
            GraphDll = Path.GetFullPath(One("graph-dll") ?? throw new ArgumentException($"--graph-dll is required.\n\n{Usage}")),
            RepoRoot = Path.GetFullPath(One("repo") ?? "."),
            Topologies = One("topologies")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? defaults.Topologies,
            Subscribers = Int("subscribers", defaults.Subscribers),
            GatewaySubscribers = One("gateway-subscribers") is { } g ? int.Parse(g, CultureInfo.InvariantCulture) : null,
            Publishes = Int("publishes", defaults.Publishes),
            Rate = One("rate") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : defaults.Rate,
            Hold = Int("hold", defaults.Hold),
            DataDirectory = One("data") is { } data ? Path.GetFullPath(data) : defaults.DataDirectory,
            Out = One("out") is { } output ? Path.GetFullPath(output) : null,
        };
        if (values.Count > 0)
            throw new ArgumentException($"Unknown option --{values.Keys.First()}.\n\n{Usage}");
        if (options.Topologies.Except(["all-in-one", "gateway"]).FirstOrDefault() is { } unknown)
            throw new ArgumentException($"Unknown topology '{unknown}'.");
        return options;
    }
}
