using System.Globalization;
using ETicket.Bench;
using ETicket.Domain.Persistence;
using MySqlConnector;

namespace ETicket.SearchBench;

/// <summary>
/// Entry point. Not top-level statements: ETicket.Bench, referenced for its pieces, has those, and
/// two generated Program classes would clash.
/// </summary>
public static class SearchBenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        // Reports and request bodies use invariant formats whatever the machine's locale.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        SearchBenchOptions options;
        try
        {
            options = SearchBenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Directory.CreateDirectory(options.DataDirectory);
        var report = new SearchReport(options);
        foreach (var provider in options.Providers)
        {
            var database = await PrepareDatabaseAsync(options, provider, cancel.Token);
            Console.WriteLine($"==> {database.Name}");
            report.Add(await new SearchRun(options, database, Console.Out).RunAsync(cancel.Token));
            // Written after each database, so a failure later still leaves what was measured.
            await File.WriteAllTextAsync(options.Report, report.ToMarkdown(), cancel.Token);
        }
        Console.WriteLine($"==> report: {options.Report}");
        return 0;
    }

    /// <summary>Each database has its own folder (and so its own index) beside the market-page benchmark's.</summary>
    private static async Task<BenchDatabase> PrepareDatabaseAsync(SearchBenchOptions options, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Directory.CreateDirectory(Path.Combine(options.DataDirectory, "search-sqlite")).FullName;
            return new BenchDatabase(provider, $"Data Source={Path.Combine(directory, "eticket-search.db")}", directory);
        }
        var server = new MySqlConnectionStringBuilder(options.MySql!);
        await using (var connection = new MySqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new MySqlCommand($"CREATE DATABASE IF NOT EXISTS `{options.MySqlDatabase}`", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        server.Database = options.MySqlDatabase;
        return new BenchDatabase(provider, server.ConnectionString, Directory.CreateDirectory(Path.Combine(options.DataDirectory, "search-mysql")).FullName);
    }
}
