using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ETicket.Tests.Infrastructure;

/// <summary>
/// The built platform (ETicket.Graph.dll, which the build copies beside the tests) as a child
/// process on a free loopback port, for what only a real process shows: its console output. Each
/// line it writes to stdout is kept.
/// </summary>
public sealed partial class PlatformProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly List<string> _lines = [];

    private PlatformProcess(Process process, string dataDirectory) => (_process, _dataDirectory) = (process, dataDirectory);

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    /// <param name="environment">ASPNETCORE_ENVIRONMENT.</param>
    /// <param name="variables">More environment variables, e.g. <c>Logging__LogLevel__...</c>.</param>
    public static async Task<PlatformProcess> StartAsync(string environment, IReadOnlyDictionary<string, string> variables)
    {
        var data = Directory.CreateTempSubdirectory("eticket-process-").FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ETicket.Graph.dll") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = environment,
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ETicket__DataDirectory"] = data,
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            },
        };
        foreach (var (key, value) in ProductionKeys.Settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (key, value) in variables)
            start.Environment[key] = value;

        var process = new PlatformProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), data);
        process._process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
                lock (process._lines)
                    process._lines.Add(line.Data);
        };
        process._process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
                lock (process._lines)
                    process._lines.Add(line.Data);
        };
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        try
        {
            var listening = await process.LineAsync(line => Listening().IsMatch(line), TimeSpan.FromSeconds(60));
            process.BaseAddress = new Uri(Listening().Match(listening).Groups[1].Value);
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The first line matching <paramref name="predicate"/>, waiting (a bounded while) for it.</summary>
    public async Task<string> LineAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Lines.FirstOrDefault(predicate) is { } line)
                return line;
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"The platform wrote no such line (exited: {_process.HasExited}); it wrote:\n{string.Join('\n', Lines)}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
