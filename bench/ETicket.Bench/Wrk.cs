using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ETicket.Bench;

/// <summary>One wrk run against one URL and body, with where the machine's CPU went meanwhile.</summary>
public sealed record LoadResult(
    double RequestsPerSecond,
    double P50Ms,
    double P99Ms,
    long Requests,
    long Failures,
    string FailureKinds,
    double SecondsRun,
    CpuShare Cpu,
    double JitSeconds,
    long AllocatedBytes)
{
    /// <summary>The failed count with the kinds wrk counted, e.g. "3 (non-2xx 3)"; "0" when none.</summary>
    public string FailureSummary => Failures > 0 ? $"{Failures} ({FailureKinds})" : "0";

    /// <summary>Managed memory this process allocated per request (an in-process server under load is the only busy part of it).</summary>
    public double AllocatedKilobytesPerRequest => AllocatedBytes / 1024.0 / Math.Max(1, Requests);

    /// <summary>This process's JIT compiling during the run (counted in an in-process server's CPU): near zero once warm.</summary>
    public double JitMicrosPerRequest => JitSeconds * 1e6 / Math.Max(1, Requests);

    /// <summary>One measured process's CPU per request (see <see cref="CpuMeter"/> for the names).</summary>
    public double CpuMicrosPerRequest(string process) => Cpu.Of(process) * 1e6 / Math.Max(1, Requests);

    /// <summary>These processes' CPU per request together, e.g. the ones that served the target (<see cref="Target.ServedBy"/>).</summary>
    public double CpuMicrosPerRequest(IEnumerable<string> processes) => Cpu.Of(processes) * 1e6 / Math.Max(1, Requests);

    public double DbCpuMicrosPerRequest => Cpu.DatabaseSeconds * 1e6 / Math.Max(1, Requests);
    public double DriverCpuMicrosPerRequest => Cpu.DriverSeconds * 1e6 / Math.Max(1, Requests);
}

/// <summary>
/// Drives load with wrk (a separate C process: it needs far less CPU per request than a .NET client
/// would, and what it needs is measured and reported). 2 threads, N keep-alive connections, a POST
/// body from a file (post.lua), latency percentiles from --latency.
/// </summary>
public sealed partial class Wrk(string executable, int threads, int connections, CpuMeter cpu)
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "post.lua");

    /// <summary>The same POST, each request with a client address of its own in X-Forwarded-For (see the script).</summary>
    private static readonly string ClientsScript = Path.Combine(AppContext.BaseDirectory, "post-clients.lua");

    public Task<LoadResult> RunAsync(Target target, TimeSpan duration, CancellationToken cancellationToken) =>
        RunAsync(target.Url, target.BodyFile, target.AsManyClients ? ClientsScript : Script, duration, cancellationToken);

    public Task<LoadResult> RunAsync(Uri url, string bodyFile, TimeSpan duration, CancellationToken cancellationToken) =>
        RunAsync(url, bodyFile, Script, duration, cancellationToken);

    private async Task<LoadResult> RunAsync(Uri url, string bodyFile, string script, TimeSpan duration, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     $"-t{threads}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "30s", "--latency",
                     "-s", script, url.ToString(), "--", bodyFile,
                 })
            start.ArgumentList.Add(arg);

        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var before = cpu.Sample();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        // wrk's own CPU time is read from /proc while it runs; the last sample is taken just before it exits.
        var driverSeconds = 0.0;
        while (!process.HasExited)
        {
            driverSeconds = CpuMeter.ProcessSeconds(process.Id) ?? driverSeconds;
            await Task.WhenAny(process.WaitForExitAsync(cancellationToken), Task.Delay(200, cancellationToken));
        }
        var after = cpu.Sample();
        var text = await output;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {await errors}{text}");
        return Parse(text, after.Since(before, driverSeconds), (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalSeconds,
            GC.GetTotalAllocatedBytes() - allocatedBefore);
    }

    private static LoadResult Parse(string text, CpuShare cpu, double jitSeconds, long allocatedBytes)
    {
        double Number(Regex regex)
        {
            var match = regex.Match(text);
            return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"Unexpected wrk output:\n{text}");
        }

        var requests = RequestsLine().Match(text);
        if (!requests.Success)
            throw new InvalidOperationException($"Unexpected wrk output:\n{text}");
        // Each kind wrk counts, by name, so a failed count says what failed.
        var kinds = new List<(string Kind, long Count)>();
        if (NonSuccess().Match(text) is { Success: true } non2xx)
            kinds.Add(("non-2xx", long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture)));
        if (SocketErrors().Match(text) is { Success: true } socket)
            kinds.AddRange(new[] { "connect", "read", "write", "timeout" }.Select((kind, i) => (kind, long.Parse(socket.Groups[i + 1].Value, CultureInfo.InvariantCulture))));
        kinds.RemoveAll(k => k.Count == 0);
        var failures = kinds.Sum(k => k.Count);
        return new LoadResult(
            Number(RequestsPerSecond()),
            Milliseconds(Percentile(text, "50")),
            Milliseconds(Percentile(text, "99")),
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            failures,
            string.Join(", ", kinds.Select(k => $"{k.Kind} {k.Count}")),
            double.Parse(requests.Groups[2].Value, CultureInfo.InvariantCulture) * (requests.Groups[3].Value == "m" ? 60 : 1),
            cpu,
            jitSeconds,
            allocatedBytes);
    }

    private static Match Percentile(string text, string percent)
    {
        var match = Regex.Match(text, $@"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        return match.Success ? match : throw new InvalidOperationException($"wrk printed no {percent}th percentile:\n{text}");
    }

    private static double Milliseconds(Match match)
    {
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)(m|s)")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
