namespace ETicket.SearchBench;

/// <summary>Nearest-rank percentiles of the timings this bench takes itself (wrk reports its own).</summary>
internal static class NearestRank
{
    /// <summary>The smallest value with at least <paramref name="p"/> of them at or below it; NaN for none.</summary>
    public static double Of(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
