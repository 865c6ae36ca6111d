using System.Text.Json;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Telemetry;

/// <summary>
/// The console log: one JSON object per entry outside Development, with the trace and span ids of
/// the request that wrote it; the simple format in Development; <c>Logging:Console:FormatterName</c>
/// overrides either. The built platform runs as a child process, whose stdout is what a log collector reads.
/// </summary>
public sealed class JsonLogTelemetryTests
{
    // An entry every request writes once its level allows (the platform logs nothing per request by default).
    private const string EndpointCategory = "Microsoft.AspNetCore.Routing.EndpointMiddleware";

    [Fact]
    public async Task In_Production_every_entry_is_JSON_and_a_requests_entries_carry_its_trace_id()
    {
        await using var platform = await PlatformProcess.StartAsync("Production", new Dictionary<string, string>
        {
            [$"Logging__LogLevel__{EndpointCategory}"] = "Information",
        });
        var caller = CallerTrace.New();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ __typename }"}""", null, "application/json") };
        using var response = await caller.SendAsync(platform.BaseAddress, request);
        response.EnsureSuccessStatusCode();

        var line = await platform.LineAsync(line => line.Contains(EndpointCategory, StringComparison.Ordinal) && line.Contains(caller.TraceId.ToString(), StringComparison.Ordinal));
        using var entry = JsonDocument.Parse(line);
        Assert.Equal(EndpointCategory, entry.RootElement.GetProperty("Category").GetString());
        Assert.StartsWith("Executing endpoint", entry.RootElement.GetProperty("Message").GetString());
        var trace = entry.RootElement.GetProperty("Scopes").EnumerateArray().Single(scope => scope.TryGetProperty("TraceId", out _));
        Assert.Equal(caller.TraceId.ToString(), trace.GetProperty("TraceId").GetString());
        // The request's own span, a child of the caller's.
        Assert.Equal(caller.SpanId.ToString(), trace.GetProperty("ParentId").GetString());
        Assert.Matches("^[0-9a-f]{16}$", trace.GetProperty("SpanId").GetString());
        Assert.NotEqual(caller.SpanId.ToString(), trace.GetProperty("SpanId").GetString());
        // Every line is one JSON entry, the start-up messages included.
        Assert.All(platform.Lines, text => JsonDocument.Parse(text).Dispose());
    }

    [Theory]
    [InlineData("Development", null, false)]
    [InlineData("Development", "json", true)]
    [InlineData("Production", "simple", false)]
    public async Task The_formatter_defaults_by_environment_and_follows_the_setting(string environment, string? formatter, bool json)
    {
        var variables = new Dictionary<string, string>();
        if (formatter is not null)
            variables["Logging__Console__FormatterName"] = formatter;

        await using var platform = await PlatformProcess.StartAsync(environment, variables);

        var listening = platform.Lines.First(line => line.Contains("Now listening on", StringComparison.Ordinal));
        Assert.Equal(json, listening.StartsWith('{'));
    }
}
