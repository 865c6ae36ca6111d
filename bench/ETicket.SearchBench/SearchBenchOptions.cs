using System.Globalization;
using ETicket.Domain.Persistence;

namespace ETicket.SearchBench;

/// <summary>Command-line options: <c>--name value</c> pairs; see <see cref="Usage"/>.</summary>
public sealed class SearchBenchOptions
{
    public const string Usage =
        """
        ETicket.SearchBench: searchListings vs a raw Lucene floor vs SQL LIKE, over HTTP with wrk (issue 14).

          --providers sqlite,mysql   which databases to run on (default both)
          --mysql <conn>             MariaDB server connection string, e.g. Server=127.0.0.1;Port=3307;User=root;Password=
          --mysql-database <name>    database on that server (default eticket_search); created and seeded if missing
          --mariadb-pid <pid>        the MariaDB server's process, to report its CPU
          --data <dir>               working directory: SQLite database, index, request bodies (default bench/.data)
          --out <file.md>            the report (default: <data>/search-report.md)
          --listings <n>             listings to seed (default 1000000)
          --sellers <n>              sellers to seed (default 20000)
          --connections <n>          wrk connections (default 50)
          --threads <n>              wrk threads (default 2)
          --duration <s>             seconds per measured run (default 5; LIKE runs three times as long, as it is slow)
          --warmup <s>               seconds of warm-up per target (default 3)
          --like-connections <n>     wrk connections for LIKE (default 4): at 50, a full scan queued behind 49 others
                                     outlasts the run, and 2 per core already saturates the machine
          --runs <n>                 measured runs per target, interleaved; the report gives medians (default 1)
          --publish-rate <n>         listings published per second in the freshness run (default 10)
          --publish-count <n>        listings published in the freshness run (default 100)
          --wrk <path>               the wrk executable (default wrk)
          --verify-only              seed, build the index and check the answers, but measure no load
        """;

    public IReadOnlyList<DatabaseProvider> Providers { get; private init; } = [DatabaseProvider.Sqlite, DatabaseProvider.MySql];
    public string? MySql { get; private init; }
    public string MySqlDatabase { get; private init; } = "eticket_search";
    public int? MariaDbPid { get; private init; }
    public string DataDirectory { get; private init; } = Path.GetFullPath(Path.Combine("bench", ".data"));
    public string? Out { get; private init; }
    public int Listings { get; private init; } = 1_000_000;
    public int Sellers { get; private init; } = 20_000;
    public int Connections { get; private init; } = 50;
    public int Threads { get; private init; } = 2;
    public int LikeConnections { get; private init; } = 4;
    public TimeSpan Duration { get; private init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Warmup { get; private init; } = TimeSpan.FromSeconds(3);
    public int Runs { get; private init; } = 1;
    public double PublishRate { get; private init; } = 10;
    public int PublishCount { get; private init; } = 100;
    public string Wrk { get; private init; } = "wrk";
    public bool VerifyOnly { get; private init; }

    public string Report => Out ?? Path.Combine(DataDirectory, "search-report.md");

    public static SearchBenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Unexpected argument '{args[i]}'.\n\n{Usage}");
            var name = args[i][2..];
            values[name] = name is "verify-only" or "help" ? "true" : i + 1 < args.Length ? args[++i] : throw new ArgumentException($"--{name} needs a value.");
        }
        string? One(string name) => values.Remove(name, out var value) ? value : null;
        int Int(string name, int fallback) => One(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        if (values.ContainsKey("help"))
            throw new ArgumentException(Usage);
        var defaults = new SearchBenchOptions();
        var options = new SearchBenchOptions
        {
            Providers = One("providers") is { } providers
                ? [.. providers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseProvider)]
                : defaults.Providers,
            MySql = One("mysql"),
            MySqlDatabase = One("mysql-database") ?? defaults.MySqlDatabase,
            MariaDbPid = One("mariadb-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            DataDirectory = One("data") is { } data ? Path.GetFullPath(data) : defaults.DataDirectory,
            Out = One("out") is { } outFile ? Path.GetFullPath(outFile) : null,
            Listings = Int("listings", defaults.Listings),
            Sellers = Int("sellers", defaults.Sellers),
            Connections = Int("connections", defaults.Connections),
            Threads = Int("threads", defaults.Threads),
            LikeConnections = Int("like-connections", defaults.LikeConnections),
            Duration = TimeSpan.FromSeconds(Int("duration", (int)defaults.Duration.TotalSeconds)),
            Warmup = TimeSpan.FromSeconds(Int("warmup", (int)defaults.Warmup.TotalSeconds)),
            Runs = Int("runs", defaults.Runs),
            PublishRate = One("publish-rate") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : defaults.PublishRate,
            PublishCount = Int("publish-count", defaults.PublishCount),
            Wrk = One("wrk") ?? defaults.Wrk,
            VerifyOnly = One("verify-only") is not null,
        };
        if (values.Count > 0)
            throw new ArgumentException($"Unknown option --{values.Keys.First()}.\n\n{Usage}");
        if (options.Providers.Contains(DatabaseProvider.MySql) && string.IsNullOrWhiteSpace(options.MySql))
            throw new ArgumentException("MariaDB needs --mysql <server connection string> (bench/search.sh starts a server and passes it).");
        if (options.Runs < 1 || options.Listings < 1000 || options.Sellers < 1 || options.PublishRate <= 0)
            throw new ArgumentException("--runs must be at least 1, --listings at least 1000, --sellers at least 1, --publish-rate above 0.");
        return options;
    }

    private static DatabaseProvider ParseProvider(string name) => name.Trim().ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "mysql" or "mariadb" => DatabaseProvider.MySql,
        _ => throw new ArgumentException($"Unknown database '{name}': sqlite or mysql."),
    };
}
