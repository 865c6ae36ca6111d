using System.Globalization;

namespace ETicket.LiveBench;

/// <summary>CPU time and resident memory of server processes, read from /proc.</summary>
public static class ProcessMeter
{
    /// <summary>user + system CPU seconds of a process and its live descendants (Hive Gateway's FORK workers).</summary>
    public static double CpuSeconds(int pid) =>
        CpuMeter.ProcessSeconds(pid) is null ? throw new InvalidOperationException($"Process {pid} is gone.") : CpuMeter.ProcessTreeSeconds(pid);

    /// <summary>Resident set size in bytes, of a process and its live descendants.</summary>
    public static long ResidentBytes(int pid) => TreeResidentBytes(pid, CpuMeter.ChildrenByParent());

    private static long TreeResidentBytes(int pid, ILookup<int, int> children) =>
        OwnResidentBytes(pid) + children[pid].Sum(child => TreeResidentBytes(child, children));

    private static long OwnResidentBytes(int pid)
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
