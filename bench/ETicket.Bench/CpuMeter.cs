using System.Diagnostics;
using System.Globalization;

namespace ETicket.Bench;

/// <summary>
/// Where the machine's CPU went during a run, from /proc: this process (the server under load), the
/// database server process, the load driver, and everything else ("foreign": other people's builds),
/// plus hypervisor steal. Foreign and steal say how quiet the machine was.
/// </summary>
public sealed class CpuMeter(int? databasePid)
{
    private static readonly double TicksPerSecond = ClockTicks();

    public int Cores { get; } = Environment.ProcessorCount;

    public CpuSample Sample()
    {
        var (busy, steal) = SystemSeconds();
        using var self = Process.GetCurrentProcess();
        return new CpuSample(
            Stopwatch.GetTimestamp(),
            self.TotalProcessorTime.TotalSeconds,
            databasePid is { } db ? ProcessSeconds(db) ?? 0 : 0,
            busy,
            steal);
    }

    /// <summary>user + system CPU seconds of a process, or null when it is gone.</summary>
    public static double? ProcessSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may hold spaces.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of the whole line: 11 and 12 after "pid (comm)".
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
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

public sealed record CpuSample(long Timestamp, double AppSeconds, double DatabaseSeconds, double BusySeconds, double StealSeconds)
{
    public CpuShare Since(CpuSample before, double driverSeconds)
    {
        var elapsed = Stopwatch.GetElapsedTime(before.Timestamp, Timestamp).TotalSeconds;
        var app = AppSeconds - before.AppSeconds;
        var db = DatabaseSeconds - before.DatabaseSeconds;
        var busy = BusySeconds - before.BusySeconds;
        return new CpuShare(elapsed, app, db, driverSeconds, Math.Max(0, busy - app - db - driverSeconds), StealSeconds - before.StealSeconds);
    }
}

/// <summary>CPU seconds spent during one run, by whom.</summary>
public sealed record CpuShare(double ElapsedSeconds, double AppSeconds, double DatabaseSeconds, double DriverSeconds, double ForeignSeconds, double StealSeconds)
{
    /// <summary>Other processes' share of the machine's total capacity during the run.</summary>
    public double ForeignShare(int cores) => ForeignSeconds / (ElapsedSeconds * cores);

    public double StealShare(int cores) => StealSeconds / (ElapsedSeconds * cores);
}
