namespace ETicket.Tests.Infrastructure;

/// <summary>
/// A second platform process on the same data directory, as a replica on one host runs: the
/// database and keys are shared, the embedded search index is not (one process owns a folder).
/// </summary>
public static class SecondProcess
{
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ETicket:Search:Lucene:Directory"] = "search-2",
    };
}
