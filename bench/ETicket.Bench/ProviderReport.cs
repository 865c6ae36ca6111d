namespace ETicket.Bench;

/// <summary>One schema variant (as migrated, or with a candidate index): its plans and what was measured on it.</summary>
public sealed record VariantReport(string Name, IReadOnlyList<string> Explain, IReadOnlyList<TargetResult> Results);

/// <summary>Everything found on one database, for the report.</summary>
/// <param name="GatewayChecked">The gateway ran, and answered both pages byte for byte as the all-in-one host does.</param>
public sealed record ProviderReport(
    BenchDatabase Database,
    SeedSummary Seed,
    string Versions,
    IReadOnlyList<CapturedCommand> FirstPageSql,
    IReadOnlyList<CapturedCommand> DeepPageSql,
    int PlatformFirstPageChars,
    int PlatformDeepPageChars,
    int RawFirstPageChars,
    int RawDeepPageChars,
    bool GatewayChecked)
{
    public List<VariantReport> Variants { get; } = [];
}
