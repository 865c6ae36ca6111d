namespace ETicket.Bench;

/// <summary>One server and page to load: the URL and the POST body wrk sends.</summary>
/// <param name="Processes">
/// The measured processes that serve it, by their <see cref="CpuMeter"/> names, when they are child
/// processes (the gateway and its subgraphs); null for a server inside this process.
/// </param>
/// <param name="AsManyClients">
/// Each request with a client address of its own (X-Forwarded-For), for the gateway: wrk's
/// connections would otherwise be one client to it, whose identical queries in flight it merges.
/// </param>
public sealed record Target(string Server, int Page, Uri Url, string BodyFile, IReadOnlyList<string>? Processes = null, bool AsManyClients = false)
{
    public string Name => $"{Server} page {Page}";

    /// <summary>Whose CPU is the server's: this process, or the child processes that serve it.</summary>
    public IReadOnlyList<string> ServedBy => Processes ?? [CpuMeter.ThisProcess];

    /// <summary>Served inside this process: its JIT and allocation figures are the server's.</summary>
    public bool InThisProcess => Processes is null;
}

/// <summary>A target's runs, and the medians the report gives.</summary>
public sealed record TargetResult(Target Target, IReadOnlyList<LoadResult> Runs, int Cores)
{
    public double RequestsPerSecond => Median(r => r.RequestsPerSecond);
    public double P50Ms => Median(r => r.P50Ms);
    public double P99Ms => Median(r => r.P99Ms);

    /// <summary>The CPU per request of the processes that served it, together ("app").</summary>
    public double ServerCpuMicros => Median(r => r.CpuMicrosPerRequest(Target.ServedBy));

    /// <summary>One measured process's CPU per request.</summary>
    public double CpuMicros(string process) => Median(r => r.CpuMicrosPerRequest(process));

    public double DbCpuMicros => Median(r => r.DbCpuMicrosPerRequest);
    public double DriverCpuMicros => Median(r => r.DriverCpuMicrosPerRequest);
    public double ForeignShare => Median(r => r.Cpu.ForeignShare(Cores));
    public double StealShare => Median(r => r.Cpu.StealShare(Cores));

    private double Median(Func<LoadResult, double> value)
    {
        var sorted = Runs.Select(value).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
