using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ETicket.Tests.Infrastructure;

/// <summary>
/// Redis for the fan-out tests: the server scripts/test.sh starts (<c>ETICKET_TEST_REDIS</c>), or a
/// private <c>redis-server</c> a test starts, kills and restarts itself. Both skip the test when
/// missing, and fail it instead when the run requires its services (<c>ETICKET_TEST_REQUIRE_SERVICES=1</c>).
/// </summary>
public static class TestRedis
{
    public const string Variable = "ETICKET_TEST_REDIS";

    /// <summary>The shared server's address (host:port); skips the test when there is none, unless the run requires it.</summary>
    public static string AddressOrSkip()
    {
        var address = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(address))
            return address;
        SkipOrFail($"Redis tests need {Variable} (host:port); ./scripts/test.sh starts Redis and sets it.");
        return "";
    }

    /// <summary>A pub/sub channel no other test uses, so tests can share one server and run in parallel.</summary>
    public static string UniqueChannel() => "eticket:test:" + Guid.NewGuid().ToString("N");

    internal static void SkipOrFail(string reason)
    {
        if (Environment.GetEnvironmentVariable(TestServices.RequireVariable) == "1")
            throw new InvalidOperationException(reason);
        Assert.Skip(reason);
    }
}

/// <summary>
/// A <c>redis-server</c> of the test's own, on a free loopback port the OS picked, without
/// persistence. <see cref="KillAsync"/> ends it as a crash would; <see cref="StartAsync"/> brings it
/// back on the same port.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private Process? _process;

    private RedisServerProcess(int port) => Port = port;

    public int Port { get; }

    /// <summary>For StackExchange.Redis: <c>127.0.0.1:port</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a server on a free port; skips the test when redis-server is not installed, unless the run requires it.</summary>
    public static async Task<RedisServerProcess> StartedAsync()
    {
        var server = new RedisServerProcess(FreePort());
        await server.StartAsync();
        return server;
    }

    /// <summary>A server on a port the OS picked, not yet started (e.g. to start a platform while Redis is down).</summary>
    public static RedisServerProcess NotStarted()
    {
        try
        {
            using var version = Process.Start(new ProcessStartInfo("redis-server", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            version?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            SkipWithoutRedisServer();
        }
        return new(FreePort());
    }

    /// <summary>(Re)starts the server on <see cref="Port"/> and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
            throw new InvalidOperationException("The Redis server already runs.");
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            SkipWithoutRedisServer();
            throw;
        }
        var output = new System.Text.StringBuilder();
        _process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await AnswersPingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                string log;
                lock (output)
                    log = output.ToString();
                throw new InvalidOperationException($"redis-server did not start on port {Port}:\n{log}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Kills the server (SIGKILL: no goodbye to its clients, as in a crash) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
            return;
        if (!process.HasExited)
            process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private static void SkipWithoutRedisServer() =>
        TestRedis.SkipOrFail("This test starts its own Redis and needs redis-server on the PATH (apt-get install redis-server).");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
