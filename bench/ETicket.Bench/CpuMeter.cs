using System.Diagnostics;
using System.Globalization;

namespace ETicket.Bench;

/// <summary>A process whose CPU a <see cref="CpuMeter"/> reads, by the name the report gives it.</summary>
public sealed record MeasuredProcess(string Name, int Pid);

/// <summary>
/// Where the machine's CPU went during a run, from /proc: this process (the in-process servers), the
/// database server process, each server started as a child process (the gateway and the subgraphs),
/// the load driver, and everything else ("foreign": other people's builds), plus hypervisor steal.
/// Foreign and steal say how quiet the machine was. Which of the processes served the load is the
/// target's to say (<see cref="CpuShare.Of(IEnumerable{string})"/>).
/// </summary>
public sealed class CpuMeter(int? databasePid, IReadOnlyList<MeasuredProcess>? servers = null)
{
    /// <summary>The name of this process's CPU in a sample.</summary>
    public const string ThisProcess = "bench process";

    /// <summary>The name of the database server's CPU in a sample (MariaDB; SQLite runs inside the servers).</summary>
    public const string Database = "database";

    private static readonly double TicksPerSecond = ClockTicks();

    private readonly IReadOnlyList<MeasuredProcess> _servers = servers ?? [];

    public int Cores { get; } = Environment.ProcessorCount;

    public CpuSample Sample()
    {
        var (busy, steal) = SystemSeconds();
        var seconds = new Dictionary<string, double>();
        using (var self = Process.GetCurrentProcess())
            seconds[ThisProcess] = self.TotalProcessorTime.TotalSeconds;
        if (databasePid is { } db)
            seconds[Database] = ProcessSeconds(db) ?? 0;
        if (_servers.Count > 0)
        {
            var children = ChildrenByParent();
            foreach (var server in _servers)
                seconds[server.Name] = ProcessTreeSeconds(server.Pid, children);
        }
        return new CpuSample(Stopwatch.GetTimestamp(), seconds, busy, steal);
    }

    /// <summary>user + system CPU seconds of a process, or null when it is gone.</summary>
    public static double? ProcessSeconds(int pid) =>
        // utime and stime are fields 14 and 15 of the whole line: 11 and 12 after "pid (comm)".
        Stat(pid) is { } fields && long.TryParse(fields[11], CultureInfo.InvariantCulture, out var user) && long.TryParse(fields[12], CultureInfo.InvariantCulture, out var system)
            ? (user + system) / TicksPerSecond
            : null;

    /// <summary>
    /// A process's CPU with that of its live descendants: a server that forks workers (Hive Gateway
    /// with --fork or FORK) is still one server.
    /// </summary>
    public static double ProcessTreeSeconds(int pid) => ProcessTreeSeconds(pid, ChildrenByParent());

    private static double ProcessTreeSeconds(int pid, ILookup<int, int> children) =>
        (ProcessSeconds(pid) ?? 0) + children[pid].Sum(child => ProcessTreeSeconds(child, children));

    /// <summary>Every live process's children, from the parent pid in /proc/*/stat.</summary>
    public static ILookup<int, int> ChildrenByParent()
    {
        var pairs = new List<(int Parent, int Child)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) &&
                Stat(pid) is { } fields && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent))
                pairs.Add((parent, pid));
        }
        return pairs.ToLookup(p => p.Parent, p => p.Child);
    }

    /// <summary>The fields of /proc/pid/stat after "pid (comm)" (state, ppid, ...), or null when the process is gone.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold spaces.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 12 ? fields : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Busy seconds of all cores together (user, nice, system, irq, softirq), and steal.</summary>
    private static (double Busy, double Steal) SystemSeconds()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long Field(int i) => cpu.Length > i ? long.Parse(cpu[i], CultureInfo.InvariantCulture) : 0;
            var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7);
            return (busy / TicksPerSecond, Field(8) / TicksPerSecond);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    private static double ClockTicks()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true, UseShellExecute = false });
            var text = getconf!.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return double.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or FormatException or InvalidOperationException)
        {
            return 100;
        }
    }
}

/// <summary>CPU seconds so far of each measured process, by name, and of the whole machine.</summary>
public sealed record CpuSample(long Timestamp, IReadOnlyDictionary<string, double> ProcessSeconds, double BusySeconds, double StealSeconds)
{
    public CpuShare Since(CpuSample before, double driverSeconds)
    {
        var elapsed = Stopwatch.GetElapsedTime(before.Timestamp, Timestamp).TotalSeconds;
        var processes = ProcessSeconds.ToDictionary(p => p.Key, p => p.Value - before.ProcessSeconds.GetValueOrDefault(p.Key));
        var busy = BusySeconds - before.BusySeconds;
        // Foreign is what no measured process and not the driver spent.
        var foreign = Math.Max(0, busy - processes.Values.Sum() - driverSeconds);
        return new CpuShare(elapsed, processes, driverSeconds, foreign, StealSeconds - before.StealSeconds);
    }
}

/// <summary>CPU seconds spent during one run, by whom.</summary>
public sealed record CpuShare(double ElapsedSeconds, IReadOnlyDictionary<string, double> ProcessSeconds, double DriverSeconds, double ForeignSeconds, double StealSeconds)
{
    /// <summary>One measured process's seconds (0 when it was not measured).</summary>
    public double Of(string process) => ProcessSeconds.GetValueOrDefault(process);

    /// <summary>The seconds of these measured processes together, e.g. the ones that served a target.</summary>
    public double Of(IEnumerable<string> processes) => processes.Sum(Of);

    /// <summary>Every measured process's seconds: the bench, the database, the child servers (not the driver).</summary>
    public double MeasuredSeconds => ProcessSeconds.Values.Sum();

    public double DatabaseSeconds => Of(CpuMeter.Database);

    /// <summary>Other processes' share of the machine's total capacity during the run.</summary>
    public double ForeignShare(int cores) => ForeignSeconds / (ElapsedSeconds * cores);

    public double StealShare(int cores) => StealSeconds / (ElapsedSeconds * cores);
}
