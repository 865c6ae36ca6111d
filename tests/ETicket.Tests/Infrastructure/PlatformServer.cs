using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ETicket.Graph.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Infrastructure;

/// <summary>
/// The real platform host on real Kestrel, on a free loopback port the OS picks, with its own data
/// directory. One instance per role; several can run side by side in one test process.
/// </summary>
public sealed class PlatformServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _ownedDataDirectory;

    private PlatformServer(WebApplication app, Uri baseAddress, string dataDirectory, string? ownedDataDirectory, SqlCommandCounter sqlCommands)
    {
        SqlCommands = sqlCommands;
        _app = app;
        _ownedDataDirectory = ownedDataDirectory;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }
    public Uri GraphQLEndpoint => new(BaseAddress, "/graphql");
    public string DataDirectory { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>The SQL this server has sent.</summary>
    public SqlCommandCounter SqlCommands { get; }

    /// <param name="settings">Configuration keys (e.g. "ETicket:Role") and values.</param>
    public static Task<PlatformServer> StartAsync(ITestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, string? dataDirectory = null,
        Action<IServiceCollection>? configureServices = null, bool migrate = true) =>
        StartAsync(database.Settings.Concat(settings ?? new Dictionary<string, string?>()).ToDictionary(), dataDirectory: dataDirectory,
            configureServices: configureServices, migrate: migrate);

    /// <param name="configureServices">Runs after the platform's registrations: replace the clock, capture logs...</param>
    /// <param name="migrate">False to start on the database as it is (unmigrated, unreachable), as Program never does.</param>
    public static async Task<PlatformServer> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        string environment = "Development",
        string? dataDirectory = null,
        Action<IServiceCollection>? configureServices = null,
        bool migrate = true)
    {
        var owned = dataDirectory is null ? Directory.CreateTempSubdirectory("eticket-test-").FullName : null;
        var directory = dataDirectory ?? owned!;
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--environment={environment}",
            $"--ETicket:DataDirectory={directory}",
            "--Logging:LogLevel:Default=Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            args.Add($"--{key}={value}");

        var sqlCommands = new SqlCommandCounter();
        var app = PlatformHost.Build([.. args], services =>
        {
            services.AddSingleton<IInterceptor>(sqlCommands);
            // Lets the counter tell a request's commands from background work.
            services.AddHttpContextAccessor();
            configureServices?.Invoke(services);
        });
        if (migrate)
            await app.MigrateDatabaseAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new PlatformServer(app, new Uri(address), directory, owned, sqlCommands);
    }

    /// <summary>POSTs a GraphQL request as application/json and returns the parsed response body.</summary>
    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? accessToken = null, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables, operationName }),
        };
        if (accessToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await Http.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownedDataDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_ownedDataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>A GraphQL response: status, media type and body.</summary>
public sealed record GraphQLResponse(int Status, string? MediaType, JsonNode? Body)
{
    public JsonNode? Data => Body?["data"];
    public JsonArray? Errors => Body?["errors"] as JsonArray;
    public string? FirstErrorCode => Errors?.FirstOrDefault()?["extensions"]?["code"]?.GetValue<string>();

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"The server answered {(int)response.StatusCode} with a body that is not JSON: {text}");
        }
        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    /// <summary>The data, after asserting the response has no errors.</summary>
    public JsonNode Ok()
    {
        if (Errors is { Count: > 0 } || Data is null)
            throw new Xunit.Sdk.XunitException($"Expected data without errors, got {Status}: {Body?.ToJsonString()}");
        return Data;
    }
}
