using System.Globalization;
using ETicket.Domain.Persistence;

namespace ETicket.Bench;

/// <summary>Command-line options: <c>--name value</c> pairs; see <see cref="Usage"/>.</summary>
public sealed class BenchOptions
{
    public const string Usage =
        """
        ETicket.Bench: the market page on the platform vs a raw ASP.NET Core floor, and through Hive Gateway, over HTTP with wrk.

          --providers sqlite,mysql   which databases to measure (default both)
          --topologies <list>        all-in-one: the platform, the raw floor and the minimal GraphQL.NET server in this
                                     process; gateway: the members and tickets subgraphs and Hive Gateway as child
                                     processes (default all-in-one,gateway)
          --graph-dll <path>         the built ETicket.Graph.dll the subgraphs run (needed for gateway; bench/run.sh builds it)
          --repo <dir>               the repository: gateway/ (its packages and config) and schema/supergraph.graphql (default .)
          --mysql <conn>             MariaDB server connection string, e.g. Server=127.0.0.1;Port=3307;User=root;Password=
          --mysql-database <name>    database on that server (default eticket_bench); created and seeded if missing
          --mariadb-pid <pid>        the MariaDB server's process, to report its CPU per request (default: from @@pid_file)
          --data <dir>               working directory: the SQLite database, request bodies (default bench/.data)
          --out <file.md>            the report (default: <data>/report.md)
          --listings <n>             listings to seed (default 100000)
          --sellers <n>              sellers to seed (default 2000)
          --connections <n>          wrk connections (default 50)
          --threads <n>              wrk threads (default 2)
          --duration <s>             seconds per measured run (default 10)
          --warmup <s>               seconds of warm-up per target before the first run (default 5), repeated while
                                     the JIT is still busy (tiered compilation), up to --warmup-max
          --warmup-max <s>           longest warm-up per target (default 40)
          --runs <n>                 measured runs per target; the report gives medians (default 3)
          --wrk <path>               the wrk executable (default wrk)
          --index [db:]<name>=<cols> also measure with this extra index, created by hand and dropped after;
                                     repeatable; db is sqlite or mysql to limit it to one database, e.g.
                                     --index "bench_market=Category, City, Status, StartsAt, Id"
                                     --index "sqlite:bench_nulls=Category, City, Status, StartsAt IS NULL, StartsAt, Id"
          --as-migrated <what>       measure (default) or explain: with explain, the schema as migrated gets
                                     plans and statement times only, and load goes to the --index variants
          --verify-only              seed, check the answers and EXPLAIN, but measure nothing
        """;

    public const string AllInOne = "all-in-one";
    public const string Gateway = "gateway";

    public IReadOnlyList<DatabaseProvider> Providers { get; private init; } = [DatabaseProvider.Sqlite, DatabaseProvider.MySql];
    public IReadOnlyList<string> Topologies { get; private init; } = [AllInOne, Gateway];
    public string? GraphDll { get; private init; }
    public string RepoRoot { get; private init; } = Path.GetFullPath(".");
    public string? MySql { get; private init; }
    public string MySqlDatabase { get; private init; } = "eticket_bench";
    public int? MariaDbPid { get; private init; }
    public string DataDirectory { get; private init; } = Path.GetFullPath(Path.Combine("bench", ".data"));
    public string? Out { get; private init; }
    public int Listings { get; private init; } = 100_000;
    public int Sellers { get; private init; } = 2_000;
    public int Connections { get; private init; } = 50;
    public int Threads { get; private init; } = 2;
    public TimeSpan Duration { get; private init; } = TimeSpan.FromSeconds(10);
    public TimeSpan Warmup { get; private init; } = TimeSpan.FromSeconds(5);
    public TimeSpan WarmupMax { get; private init; } = TimeSpan.FromSeconds(40);
    public int Runs { get; private init; } = 3;
    public string Wrk { get; private init; } = "wrk";
    public IReadOnlyList<(DatabaseProvider? Provider, string Name, string Columns)> Indexes { get; private init; } = [];
    public bool VerifyOnly { get; private init; }
    public bool MeasureAsMigrated { get; private init; } = true;

    public string Report => Out ?? Path.Combine(DataDirectory, "report.md");

    /// <summary>The in-process targets: the platform, the raw floor, the minimal GraphQL.NET server.</summary>
    public bool MeasureAllInOne => Topologies.Contains(AllInOne);

    /// <summary>The market page through Hive Gateway, the subgraphs and the gateway as child processes.</summary>
    public bool MeasureGateway => Topologies.Contains(Gateway);

    private static (DatabaseProvider?, string, string) ParseIndex(string text)
    {
        if (text.Split('=', 2) is not [var name, var columns])
            throw new ArgumentException($"--index takes [db:]name=columns, not '{text}'.");
        DatabaseProvider? provider = null;
        if (name.Split(':', 2) is [var db, var rest])
        {
            provider = BenchArguments.ParseProvider(db);
            name = rest;
        }
        return (provider, name.Trim(), columns.Trim());
    }

    public static BenchOptions Parse(string[] args)
    {
        var arguments = new BenchArguments(args, Usage);
        var defaults = new BenchOptions();
        var options = new BenchOptions
        {
            Providers = arguments.Providers(defaults.Providers),
            Topologies = arguments.One("topologies")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? defaults.Topologies,
            GraphDll = arguments.FullPath("graph-dll"),
            RepoRoot = arguments.FullPath("repo") ?? defaults.RepoRoot,
            MySql = arguments.One("mysql"),
            MySqlDatabase = arguments.One("mysql-database") ?? defaults.MySqlDatabase,
            MariaDbPid = arguments.One("mariadb-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            DataDirectory = arguments.FullPath("data") ?? defaults.DataDirectory,
            Out = arguments.FullPath("out"),
            Listings = arguments.Int("listings", defaults.Listings),
            Sellers = arguments.Int("sellers", defaults.Sellers),
            Connections = arguments.Int("connections", defaults.Connections),
            Threads = arguments.Int("threads", defaults.Threads),
            Duration = arguments.Seconds("duration", defaults.Duration),
            Warmup = arguments.Seconds("warmup", defaults.Warmup),
            WarmupMax = arguments.Seconds("warmup-max", defaults.WarmupMax),
            Runs = arguments.Int("runs", defaults.Runs),
            Wrk = arguments.One("wrk") ?? defaults.Wrk,
            Indexes = [.. arguments.All("index").Select(ParseIndex)],
            VerifyOnly = arguments.Flag("verify-only"),
            MeasureAsMigrated = (arguments.One("as-migrated") ?? "measure") switch
            {
                "measure" => true,
                "explain" => false,
                var other => throw new ArgumentException($"--as-migrated takes measure or explain, not '{other}'."),
            },
        };
        arguments.EnsureAllRead();
        if (options.Providers.Contains(DatabaseProvider.MySql) && string.IsNullOrWhiteSpace(options.MySql))
            throw new ArgumentException("Measuring MariaDB needs --mysql <server connection string> (bench/run.sh starts a server and passes it).");
        if (options.Topologies.Except([AllInOne, Gateway]).FirstOrDefault() is { } unknown)
            throw new ArgumentException($"Unknown topology '{unknown}': {AllInOne} or {Gateway}.");
        if (options.Topologies.Count == 0)
            throw new ArgumentException("--topologies needs at least one of all-in-one and gateway.");
        if (options.MeasureGateway)
            CheckGatewayFiles(options);
        if (options.Runs < 1 || options.Listings < 1000 || options.Sellers < 1)
            throw new ArgumentException("--runs must be at least 1, --listings at least 1000, --sellers at least 1.");
        return options;
    }

    /// <summary>Refuses a gateway run whose binaries are missing now, not after minutes of seeding.</summary>
    private static void CheckGatewayFiles(BenchOptions options)
    {
        if (options.GraphDll is null || !File.Exists(options.GraphDll))
            throw new ArgumentException($"Measuring through the gateway needs --graph-dll <built ETicket.Graph.dll> (bench/run.sh builds it and passes it){(options.GraphDll is null ? "" : $"; {options.GraphDll} does not exist")}, or --topologies all-in-one.");
        var gateway = Path.Combine(options.RepoRoot, "gateway", "node_modules", ".bin", "hive-gateway");
        if (!File.Exists(gateway))
            throw new ArgumentException($"{gateway} is missing: run npm ci in {Path.Combine(options.RepoRoot, "gateway")} (bench/run.sh does), or pass --repo, or --topologies all-in-one.");
    }
}
