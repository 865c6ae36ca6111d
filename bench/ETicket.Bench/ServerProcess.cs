using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ETicket.Bench;

/// <summary>
/// A server started for the run as a child process (a platform process or the gateway), its output in
/// <c>&lt;name&gt;.log</c>, stopped at the end. Shared with bench/ETicket.LiveBench, which links this file.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _name;

    private ServerProcess(Process process, string name, int port) => (_process, _name, Port) = (process, name, port);

    public int Pid => _process.Id;

    public string Name => _name;

    /// <summary>A platform process (not the Node gateway): its managed heap can be dumped.</summary>
    public bool IsDotNet { get; private init; }

    public int Port { get; }

    public Uri GraphQL => new($"http://127.0.0.1:{Port}/graphql");

    /// <summary>A port the OS has just handed out on loopback (bind port 0), free for the server to take.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <paramref name="fileName"/> and waits until <paramref name="readyPath"/> answers 2xx.</summary>
    public static async Task<ServerProcess> StartAsync(string name, string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment,
        int port, string readyPath, string logDirectory)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        var logFile = Path.Combine(logDirectory, $"{name}.log");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, name, port) { IsDotNet = fileName == "dotnet" };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} before it was ready; see {logFile}.");
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}{readyPath}")).IsSuccessStatusCode)
                    return server;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        await server.DisposeAsync();
        throw new InvalidOperationException($"{name} was not ready within 90 s; see {logFile}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Console.WriteLine($"    stopped {_name}");
    }
}
