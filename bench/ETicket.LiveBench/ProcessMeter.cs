using System.Globalization;

namespace ETicket.LiveBench;

/// <summary>CPU time and resident memory of server processes, read from /proc.</summary>
public static class ProcessMeter
{
    // USER_HZ: 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    /// <summary>user + system CPU seconds of a process.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The fields after "pid (command)": the command may hold spaces, so split after its ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Resident set size in bytes.</summary>
    public static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException($"No VmRSS for process {pid}.");
    }

    public static double CpuSeconds(IEnumerable<ServerProcess> servers) => servers.Sum(s => CpuSeconds(s.Pid));

    public static long ResidentBytes(IEnumerable<ServerProcess> servers) => servers.Sum(s => ResidentBytes(s.Pid));
}
