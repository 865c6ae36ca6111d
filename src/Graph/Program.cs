using ETicket.Graph.DemoData;
using ETicket.Graph.Hosting;
using ETicket.Graph.Search;

if (HealthProbe.Matches(args))
    return await HealthProbe.RunAsync(args[1]);

if (SearchReindexCommand.Matches(args))
{
    await using var host = PlatformHost.Build(SearchReindexCommand.Settings(args));
    await host.MigrateDatabaseAsync();
    return await SearchReindexCommand.RunAsync(host.Services);
}

if (SeedCommand.Matches(args))
    return await SeedCommand.RunAsync(args, Console.Out, Console.Error);

var app = PlatformHost.Build(args);
await app.MigrateDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>
/// The platform's entry point: all-in-one by default, or one subgraph (ETicket:Role); `search reindex`
/// asks for fresh search indexes, `seed` fills an empty database with demo data, `probe` (a path or
/// URL) is the container image's health check.
/// </summary>
public partial class Program;
