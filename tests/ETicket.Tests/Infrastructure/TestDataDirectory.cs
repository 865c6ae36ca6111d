namespace ETicket.Tests.Infrastructure;

/// <summary>A data directory the servers of one test share (a restart, a second process); deleted afterwards.</summary>
public sealed class TestDataDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("eticket-test-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
