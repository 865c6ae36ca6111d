using ETicket.Graph.Hosting;

var app = PlatformHost.Build(args);
await app.MigrateDatabaseAsync();
await app.RunAsync();

/// <summary>The platform's entry point: all-in-one by default, or one subgraph (ETicket:Role).</summary>
public partial class Program;
