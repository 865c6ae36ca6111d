using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ETicket.Tests.Infrastructure;

/// <summary>
/// What a platform logs, kept for the test to read: pass <see cref="Capture"/> as PlatformServer's
/// configureServices. The console keeps its own format; this is one more logger provider beside it.
/// </summary>
public static class ServerLogs
{
    /// <summary>Every record at every level, whatever the configured levels hide from the console.</summary>
    public static void Capture(IServiceCollection services) =>
        services.AddLogging(logging => logging.AddFakeLogging().AddFilter<FakeLoggerProvider>(null, LogLevel.Trace));

    public static FakeLogCollector Logs(this PlatformServer server) => server.Services.GetFakeLogCollector();

    /// <summary>
    /// Asserts the server logged nothing at Warning or above (the console's <c>warn</c>, <c>fail</c>,
    /// <c>crit</c>) since the collector was last cleared: a client's mistake is not the server's failure.
    /// </summary>
    public static void AssertNoWarnings(this PlatformServer server)
    {
        var loud = server.Logs().GetSnapshot().Where(record => record.Level >= LogLevel.Warning).ToList();
        Assert.True(loud.Count == 0, "The server logged:\n" + string.Join("\n", loud.Select(Describe)));
    }

    /// <summary>
    /// Asserts nothing was logged at Error or above: such a line asks an operator to act, so a run in
    /// which every client got a clean answer (races included) must not write one.
    /// </summary>
    public static void AssertNoErrors(this PlatformServer server)
    {
        var errors = server.Logs().GetSnapshot().Where(record => record.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, "The server logged:\n" + string.Join("\n", errors.Select(Describe)));
    }

    /// <summary>
    /// Waits (a bounded while) until Kestrel has finished with <paramref name="count"/> connections
    /// since the log was cleared, so what it and the application log about them has been logged.
    /// </summary>
    public static async Task ConnectionsEndedAsync(this PlatformServer server, int count)
    {
        for (var i = 0; i < 200 && EndedConnections(server) < count; i++)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(count, EndedConnections(server));
    }

    private static int EndedConnections(PlatformServer server) => server.Logs().GetSnapshot().Count(record => record.Id.Name == "ConnectionStop");

    private static string Describe(FakeLogRecord record) => $"{record.Level} {record.Category}: {record.Message} {record.Exception}";
}
