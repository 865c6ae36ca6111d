namespace ETicket.Bench;

/// <summary>
/// Loads targets with wrk: warms each up, then runs them all in turn, <see cref="BenchOptions.Runs"/>
/// times, waiting for the measured processes to be idle after every run.
/// </summary>
public sealed class LoadRunner(BenchOptions options, CpuMeter cpu, TextWriter log)
{
    /// <summary>The JIT's share of a warm-up round (compilation time over wall time) under which the process counts as warm.</summary>
    private const double MaxJitShare = 0.01;

    /// <summary>A child server counts as warm when its CPU per request fell by less than this since the round before.</summary>
    private const double MaxWarmupGain = 0.05;

    public async Task<IReadOnlyList<TargetResult>> RunAsync(IReadOnlyList<Target> targets, CancellationToken cancellationToken)
    {
        var wrk = new Wrk(options.Wrk, options.Threads, options.Connections, cpu);
        foreach (var target in targets)
        {
            // Tiered compilation recompiles hot methods with profile data for tens of seconds under
            // load, on a background thread of the server's process: measured, it would count as the
            // server's CPU. Warm up until the JIT is (nearly) idle, so every server is measured in
            // steady state. This process's JIT is read directly; a child process's (.NET's, or V8's in
            // the gateway) is not, so there warm means its CPU per request has stopped falling.
            var warmed = TimeSpan.Zero;
            double? previousMicros = null;
            bool warm;
            string how;
            do
            {
                var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
                var round = await wrk.RunAsync(target, options.Warmup, cancellationToken);
                await SettleAsync(cpu, cancellationToken);
                warmed += options.Warmup;
                if (target.InThisProcess)
                {
                    var jitShare = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore) / options.Warmup;
                    warm = jitShare <= MaxJitShare;
                    how = $"JIT busy {jitShare:P1} of the last {options.Warmup.TotalSeconds:F0} s";
                }
                else
                {
                    var micros = round.CpuMicrosPerRequest(target.ServedBy);
                    // Never after the first round: there is nothing to compare it with.
                    warm = previousMicros is { } previous && micros >= previous * (1 - MaxWarmupGain);
                    how = $"{micros:F0} µs/req in the last round{(previousMicros is { } before ? $", {before:F0} in the one before" : "")}";
                    previousMicros = micros;
                }
            }
            while (!warm && warmed < options.WarmupMax);
            log.WriteLine($"    warmed up {target.Name} for {warmed.TotalSeconds:F0} s ({how})");
        }
        var runs = targets.ToDictionary(t => t, _ => new List<LoadResult>());
        for (var run = 1; run <= options.Runs; run++)
        {
            // Interleaved, so drift in the machine's load touches every target alike.
            foreach (var target in targets)
            {
                var result = await wrk.RunAsync(target, options.Duration, cancellationToken);
                await SettleAsync(cpu, cancellationToken);
                if (result.Requests == 0)
                    throw new InvalidOperationException($"{target.Name}: no request completed in run {run}.");
                runs[target].Add(result);
                log.WriteLine($"    run {run} {target.Name,-18} {result.RequestsPerSecond,8:F0} req/s  p50 {result.P50Ms,6:F2} ms  p99 {result.P99Ms,6:F2} ms  " +
                              $"{(result.Failures > 0 ? $"FAILED {result.FailureSummary}  " : "")}app {result.CpuMicrosPerRequest(target.ServedBy),4:F0} µs/req {ServerCpuDetail(target, result)}  " +
                              $"db {result.DbCpuMicrosPerRequest,4:F0} µs/req  foreign {result.Cpu.ForeignShare(cpu.Cores):P0}");
            }
        }
        return [.. targets.Select(t => new TargetResult(t, runs[t], cpu.Cores))];
    }

    /// <summary>In this process: its JIT and allocation; in child processes: each one's CPU per request.</summary>
    private static string ServerCpuDetail(Target target, LoadResult result) => target.InThisProcess
        ? $"(jit {result.JitMicrosPerRequest:F0})  alloc {result.AllocatedKilobytesPerRequest,5:F1} KB/req"
        : $"({string.Join(" + ", target.ServedBy.Select(p => $"{p} {result.CpuMicrosPerRequest(p):F0}"))})";

    /// <summary>
    /// Waits until every measured process (this one, the database, the child servers) is idle again
    /// (together under 15% of a core for 300 ms, at most 60 s): requests wrk abandoned when it
    /// stopped must not run into the next target's run.
    /// </summary>
    public static Task SettleAsync(CpuMeter cpu, CancellationToken cancellationToken) => SettleAsync(cpu, TimeSpan.FromSeconds(60), cancellationToken);

    /// <summary>As <see cref="SettleAsync(CpuMeter, CancellationToken)"/>, waiting at most <paramref name="longest"/>; false when still busy then.</summary>
    public static async Task<bool> SettleAsync(CpuMeter cpu, TimeSpan longest, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + longest;
        while (DateTime.UtcNow < deadline)
        {
            var before = cpu.Sample();
            await Task.Delay(300, cancellationToken);
            var share = cpu.Sample().Since(before, driverSeconds: 0);
            if (share.MeasuredSeconds < 0.15 * share.ElapsedSeconds)
                return true;
        }
        return false;
    }
}
