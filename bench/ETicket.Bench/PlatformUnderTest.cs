using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using ETicket.Domain.Persistence;
using ETicket.Graph.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ETicket.Bench;

/// <summary>The database one measurement runs on, as the platform's configuration keys.</summary>
public sealed record BenchDatabase(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public string Name => Provider == DatabaseProvider.MySql ? "MariaDB" : "SQLite";

    public IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("ETicket:Database:Provider", Provider.ToString()),
        new("ETicket:Database:ConnectionString", ConnectionString),
    ];

    /// <summary>The connection string the platform itself ends up using (see PersistenceRegistration).</summary>
    public string EffectiveConnectionString => Provider == DatabaseProvider.MySql
        ? new MySqlConnector.MySqlConnectionStringBuilder(ConnectionString) { ConnectionReset = false }.ConnectionString
        : PersistenceRegistration.SqliteConnectionString(new DatabaseOptions { ConnectionString = ConnectionString }, DataDirectory);
}

/// <summary>
/// The real platform host (<see cref="PlatformHost.Build"/>) on a free loopback port in this process,
/// configured like production: Production environment, configured keys, logging at Warning.
/// </summary>
public sealed class PlatformUnderTest : IAsyncDisposable
{
    // Production refuses to start without keys; these are the bench's own, never used elsewhere.
    private static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string TicketsKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly WebApplication _app;

    private PlatformUnderTest(WebApplication app, Uri endpoint, SqlCapture? capture) => (_app, Endpoint, Capture) = (app, endpoint, capture);

    public Uri Endpoint { get; }

    /// <summary>Present only on a host started to capture SQL: an interceptor costs time, so measured hosts have none.</summary>
    public SqlCapture? Capture { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// The configuration the bench runs the platform with, in this process or as a child process
    /// (<see cref="FederatedPlatform"/>): its keys, the database, logging at Warning.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Settings(BenchDatabase database) =>
    [
        new("ETicket:DataDirectory", database.DataDirectory),
        new("ETicket:Auth:SigningKey", SigningKey),
        new("ETicket:Tickets:SecretKey", TicketsKey),
        // Benchmarks move no money.
        new("ETicket:Payments:Provider", "Sandbox"),
        new("Logging:LogLevel:Default", "Warning"),
        // When wrk stops it drops its connections with requests in flight; the platform logs each
        // as an error (see docs/benchmarks.md). Failures under load show in wrk's non-2xx count.
        new("Logging:LogLevel:Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", "None"),
        new("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Connection", "None"),
        .. database.Settings,
    ];

    public static async Task<PlatformUnderTest> StartAsync(BenchDatabase database, bool captureSql, Action<WebApplication>? beforeStart = null)
    {
        string[] args = ["--urls=http://127.0.0.1:0", "--environment=Production", .. Settings(database).Select(s => $"--{s.Key}={s.Value}")];
        var capture = captureSql ? new SqlCapture() : null;
        var app = PlatformHost.Build(args, services =>
        {
            if (capture is not null)
                services.AddSingleton<IInterceptor>(capture);
        });
        await app.MigrateDatabaseAsync();
        beforeStart?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new PlatformUnderTest(app, new Uri(new Uri(address), PlatformHost.GraphQLPath), capture);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One SQL command as sent: text and parameters (name, provider value).</summary>
public sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value, System.Data.DbType Type)> Parameters);

/// <summary>Records the SQL the platform sends while <see cref="Recording"/> is on (background work included, so filter by table).</summary>
public sealed class SqlCapture : DbCommandInterceptor
{
    private readonly ConcurrentQueue<CapturedCommand> _commands = new();

    public volatile bool Recording;

    public IReadOnlyList<CapturedCommand> Take()
    {
        var taken = new List<CapturedCommand>();
        while (_commands.TryDequeue(out var command))
            taken.Add(command);
        return taken;
    }

    private void Record(DbCommand command)
    {
        if (!Recording)
            return;
        _commands.Enqueue(new CapturedCommand(
            command.CommandText,
            [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value, p.DbType))]));
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
