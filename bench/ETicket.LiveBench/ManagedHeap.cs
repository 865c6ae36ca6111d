using System.Diagnostics;
using System.Globalization;

namespace ETicket.LiveBench;

/// <summary>
/// The live managed heap of a .NET server process, through dotnet-gcdump (a local tool of this
/// repository), which runs a full garbage collection first: unlike resident memory, it does not count
/// garbage the server GC has not collected yet.
/// </summary>
public static class ManagedHeap
{
    /// <summary>Live GC heap bytes, or null when the dump could not be taken. The dump stays in <paramref name="directory"/>.</summary>
    public static async Task<long?> LiveBytesAsync(int pid, string repoRoot, string directory, string name, TextWriter log)
    {
        var file = Path.Combine(directory, name + ".gcdump");
        var collected = await RunAsync(repoRoot, "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", file);
        if (collected is null || !File.Exists(file))
        {
            log.WriteLine($"    (no heap dump of process {pid}: dotnet-gcdump failed; run `dotnet tool restore`)");
            return null;
        }
        var report = await RunAsync(repoRoot, "report", file);
        var line = report?.Split('\n').FirstOrDefault(l => l.Contains("GC Heap bytes", StringComparison.Ordinal));
        return line is not null && long.TryParse(line.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
    }

    private static async Task<string?> RunAsync(string repoRoot, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("dotnet-gcdump");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await errors;
        return process.ExitCode == 0 ? await output : null;
    }
}
