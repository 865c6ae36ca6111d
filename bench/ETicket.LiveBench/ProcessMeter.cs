using System.Globalization;

namespace ETicket.LiveBench;

/// <summary>CPU time and resident memory of server processes, read from /proc.</summary>
public static class ProcessMeter
{
    /// <summary>user + system CPU seconds of a process.</summary>
    public static double CpuSeconds(int pid) =>
        CpuMeter.ProcessSeconds(pid) ?? throw new InvalidOperationException($"Process {pid} is gone.");

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
