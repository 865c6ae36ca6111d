using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ETicket.Tests.Infrastructure;

/// <summary>The host's log, as an operator reads it: what its filters let through (Warning and up, see PlatformServer).</summary>
public static class HostLogs
{
    /// <summary>Pass as <c>configureServices</c> to keep the server's log records.</summary>
    public static void Capture(IServiceCollection services) => services.AddLogging(logging => logging.AddFakeLogging());

    /// <summary>
    /// Asserts nothing was logged at Error or above: such a line asks an operator to act, so a run in
    /// which every client got a clean answer must not write one.
    /// </summary>
    public static void AssertNoErrors(this PlatformServer server)
    {
        var errors = server.Services.GetFakeLogCollector().GetSnapshot().Where(record => record.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0,
            $"{errors.Count} lines logged at Error or above; the first: {errors.FirstOrDefault()?.Category}: {errors.FirstOrDefault()?.Message}");
    }
}
