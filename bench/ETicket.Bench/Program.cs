using ETicket.Bench;
using ETicket.Domain.Persistence;
using MySqlConnector;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
Directory.CreateDirectory(options.DataDirectory);
var log = Console.Out;
var report = new Report(options);

foreach (var provider in options.Providers)
{
    var database = await PrepareDatabaseAsync(provider);
    log.WriteLine($"==> {database.Name}");
    report.Add(await new ProviderBench(options, database, log).RunAsync(cancel.Token));
    // Written after each provider, so a failure later still leaves what was measured.
    await File.WriteAllTextAsync(options.Report, report.ToMarkdown(), cancel.Token);
}
log.WriteLine($"==> report: {options.Report}");
return 0;

async Task<BenchDatabase> PrepareDatabaseAsync(DatabaseProvider provider)
{
    if (provider == DatabaseProvider.Sqlite)
    {
        var directory = Directory.CreateDirectory(Path.Combine(options.DataDirectory, "sqlite")).FullName;
        return new BenchDatabase(provider, $"Data Source={Path.Combine(directory, "eticket-bench.db")}", directory);
    }
    var server = new MySqlConnectionStringBuilder(options.MySql!);
    await using (var connection = new MySqlConnection(server.ConnectionString))
    {
        await connection.OpenAsync(cancel.Token);
        await using var create = new MySqlCommand($"CREATE DATABASE IF NOT EXISTS `{options.MySqlDatabase}`", connection);
        await create.ExecuteNonQueryAsync(cancel.Token);
    }
    server.Database = options.MySqlDatabase;
    return new BenchDatabase(provider, server.ConnectionString, Directory.CreateDirectory(Path.Combine(options.DataDirectory, "mysql")).FullName);
}
