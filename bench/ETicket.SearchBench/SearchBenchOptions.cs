using System.Globalization;
using ETicket.Bench;
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
        var arguments = new BenchArguments(args, Usage);
        var defaults = new SearchBenchOptions();
        var options = new SearchBenchOptions
        {
            Providers = arguments.Providers(defaults.Providers),
            MySql = arguments.One("mysql"),
            MySqlDatabase = arguments.One("mysql-database") ?? defaults.MySqlDatabase,
            MariaDbPid = arguments.One("mariadb-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            DataDirectory = arguments.FullPath("data") ?? defaults.DataDirectory,
            Out = arguments.FullPath("out"),
            Listings = arguments.Int("listings", defaults.Listings),
            Sellers = arguments.Int("sellers", defaults.Sellers),
            Connections = arguments.Int("connections", defaults.Connections),
            Threads = arguments.Int("threads", defaults.Threads),
            LikeConnections = arguments.Int("like-connections", defaults.LikeConnections),
            Duration = arguments.Seconds("duration", defaults.Duration),
            Warmup = arguments.Seconds("warmup", defaults.Warmup),
            Runs = arguments.Int("runs", defaults.Runs),
            PublishRate = arguments.One("publish-rate") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : defaults.PublishRate,
            PublishCount = arguments.Int("publish-count", defaults.PublishCount),
            Wrk = arguments.One("wrk") ?? defaults.Wrk,
            VerifyOnly = arguments.Flag("verify-only"),
        };
        arguments.EnsureAllRead();
        if (options.Providers.Contains(DatabaseProvider.MySql) && string.IsNullOrWhiteSpace(options.MySql))
            throw new ArgumentException("MariaDB needs --mysql <server connection string> (bench/search.sh starts a server and passes it).");
        if (options.Runs < 1 || options.Listings < 1000 || options.Sellers < 1 || options.PublishRate <= 0)
            throw new ArgumentException("--runs must be at least 1, --listings at least 1000, --sellers at least 1, --publish-rate above 0.");
        return options;
    }
}
