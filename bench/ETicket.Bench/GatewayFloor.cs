using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace ETicket.Bench;

/// <summary>
/// The gateway's own cost, the yardstick of the targets through Hive Gateway as the minimal GraphQL.NET
/// server is the platform's: two more gateways in front of a stand-in for the tickets subgraph, which
/// answers each request from memory with the bytes the real subgraph answered it the first time, at
/// next to no CPU. One runs the deployed configuration (<see cref="HiveGatewayProcess.DeployedConfig"/>),
/// the other Hive Gateway alone, with nothing of ETicket's (<see cref="AloneConfig"/>). The market page
/// asks the members subgraph nothing (the tickets subgraph provides the sellers' nicknames), so both
/// route to the real one.
/// </summary>
public sealed class GatewayFloor : IAsyncDisposable
{
    public const string AloneConfig = "gateway/bench/alone.config.mjs";

    /// <summary>The deployed configuration's gateway in front of the stand-in, by the name its CPU and targets take.</summary>
    public const string DeployedName = "gateway floor";

    /// <summary>Hive Gateway alone in front of the stand-in.</summary>
    public const string AloneName = "Hive Gateway alone";

    /// <summary>Distinct requests the stand-in remembers; the bench sends two (pages 1 and 50).</summary>
    private const int MaxAnswers = 64;

    private readonly WebApplication _standIn;
    private readonly ServerProcess _deployed, _alone;

    private GatewayFloor(WebApplication standIn, ServerProcess deployed, ServerProcess alone) => (_standIn, _deployed, _alone) = (standIn, deployed, alone);

    /// <summary>The deployed configuration in front of the stand-in.</summary>
    public Uri Deployed => _deployed.GraphQL;

    /// <summary>Hive Gateway alone in front of the stand-in.</summary>
    public Uri Alone => _alone.GraphQL;

    public Uri Endpoint(string name) => name == AloneName ? Alone : Deployed;

    public IReadOnlyList<MeasuredProcess> Processes => [new(_deployed.Name, _deployed.Pid), new(_alone.Name, _alone.Pid)];

    public static async Task<GatewayFloor> StartAsync(string repoRoot, FederatedPlatform platform)
    {
        var standIn = LoopbackServer.CreateBuilder().Build();
        var tickets = platform.Tickets;
        var answers = new ConcurrentDictionary<string, Answer>(StringComparer.Ordinal);
        var upstream = new HttpClient();
        standIn.MapPost(tickets.AbsolutePath, async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            if (!answers.TryGetValue(body, out var answer))
            {
                if (answers.Count >= MaxAnswers)
                    return Results.Problem($"The stand-in remembers {MaxAnswers} requests; the bench sends two.", statusCode: 503);
                answer = await AskAsync(upstream, tickets, body, http.RequestAborted);
                answers.TryAdd(body, answer);
            }
            return Results.Bytes(answer.Body, answer.ContentType);
        });
        var standInUri = await LoopbackServer.StartAsync(standIn, tickets.AbsolutePath);
        ServerProcess? deployed = null;
        try
        {
            // The deployed gateway's settings as FederatedPlatform starts it.
            var environment = new Dictionary<string, string> { ["ETicket__Query__Introspection"] = "false" };
            deployed = await HiveGatewayProcess.StartAsync(repoRoot, platform.Members, standInUri, environment, platform.LogDirectory, name: DeployedName);
            var alone = await HiveGatewayProcess.StartAsync(repoRoot, platform.Members, standInUri, environment, platform.LogDirectory, AloneConfig, AloneName);
            return new GatewayFloor(standIn, deployed, alone);
        }
        catch
        {
            if (deployed is not null)
                await deployed.DisposeAsync();
            await standIn.DisposeAsync();
            throw;
        }
    }

    private sealed record Answer(byte[] Body, string ContentType);

    private static async Task<Answer> AskAsync(HttpClient upstream, Uri tickets, string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, tickets) { Content = content };
        request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json");
        using var response = await upstream.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return new Answer(await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType?.ToString() ?? "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        await _alone.DisposeAsync();
        await _deployed.DisposeAsync();
        await _standIn.DisposeAsync();
    }
}
