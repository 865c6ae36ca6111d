namespace ETicket.Graph.Hosting;

/// <summary>
/// <c>probe &lt;path or url&gt;</c>: exits 0 when the platform answers 2xx within five seconds, else 1.
/// The container image's HEALTHCHECK runs it (the runtime image has no curl); a path is asked of the
/// platform's own first address in ASPNETCORE_URLS (or ASPNETCORE_HTTP_PORTS), so the check follows the port it was given.
/// </summary>
public static class HealthProbe
{
    public static bool Matches(string[] args) => args.Length == 2 && args[0] == "probe";

    public static async Task<int> RunAsync(string target)
    {
        var listening = Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is { Length: > 0 } urls ? urls
            : Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") is { Length: > 0 } ports ? $"http://127.0.0.1:{ports.Split(';', ',')[0].Trim()}"
            : null;
        if (Address(target, listening) is not { } address)
        {
            await Console.Error.WriteLineAsync($"probe: '{target}' is neither a path nor an http(s) URL.");
            return 2;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(address);
            if (response.IsSuccessStatusCode)
                return 0;
            await Console.Error.WriteLineAsync($"probe: {address} answered {(int)response.StatusCode}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"probe: {address} did not answer ({ex.GetType().Name}).");
        }
        return 1;
    }

    /// <summary>The URL to ask: <paramref name="target"/> itself, or that path on the first listening address (a wildcard host is this machine).</summary>
    public static Uri? Address(string target, string? listeningUrls)
    {
        if (!target.StartsWith('/'))
            return Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute : null;
        var first = (listeningUrls ?? PlatformHost.DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? PlatformHost.DefaultUrl;
        // Kestrel's wildcards (http://+:8080, http://*:8080, http://0.0.0.0:8080, http://[::]:8080) are not addresses to ask.
        var local = System.Text.RegularExpressions.Regex.Replace(first, @"^(https?://)(\+|\*|0\.0\.0\.0|\[::\])(?=[:/]|$)", "${1}127.0.0.1");
        return Uri.TryCreate(local, UriKind.Absolute, out var baseAddress) && baseAddress.Scheme is "http" or "https"
            ? new Uri(baseAddress, target)
            : null;
    }
}
