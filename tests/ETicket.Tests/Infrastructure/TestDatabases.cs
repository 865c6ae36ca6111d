using MySqlConnector;

namespace ETicket.Tests.Infrastructure;

/// <summary>A database for one test's platform: its configuration keys, and cleanup.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    IReadOnlyDictionary<string, string?> Settings { get; }
}

/// <summary>The embedded default: a SQLite file in the server's data directory.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    public IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A fresh database on the real MariaDB server that scripts/test.sh starts, dropped afterwards.</summary>
public sealed class MariaDbTestDatabase : ITestDatabase
{
    private readonly string _serverConnectionString;
    private readonly string _name;

    private MariaDbTestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        _name = name;
        Settings = new Dictionary<string, string?>
        {
            ["ETicket:Database:Provider"] = "MySql",
            ["ETicket:Database:ConnectionString"] = new MySqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString,
        };
    }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static async Task<MariaDbTestDatabase> CreateAsync()
    {
        var server = TestServices.MySqlOrSkip();
        var database = new MariaDbTestDatabase(server, "eticket_test_" + Guid.NewGuid().ToString("N")[..12]);
        await database.ExecuteAsync($"CREATE DATABASE `{database._name}`");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        // Pools outlive the test's server and would hold their connections to the dropped database
        // until they idle out; hundreds of tests would exhaust the server's connection limit.
        await MySqlConnection.ClearAllPoolsAsync();
        await ExecuteAsync($"DROP DATABASE IF EXISTS `{_name}`");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The real servers scripts/test.sh starts, found through environment variables.</summary>
public static class TestServices
{
    public const string MySqlVariable = "ETICKET_TEST_MYSQL";
    public const string RequireVariable = "ETICKET_TEST_REQUIRE_SERVICES";

    /// <summary>The MariaDB server's connection string; skips the test when there is none, unless the run requires it.</summary>
    public static string MySqlOrSkip()
    {
        var connectionString = Environment.GetEnvironmentVariable(MySqlVariable);
        if (!string.IsNullOrWhiteSpace(connectionString))
            return connectionString;
        const string reason = $"MariaDB tests need {MySqlVariable}; ./scripts/test.sh starts MariaDB and sets it.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            throw new InvalidOperationException(reason);
        Assert.Skip(reason);
        return "";
    }
}

public enum DatabaseKind { Sqlite, MariaDb }

/// <summary>Runs a theory once per database provider: <c>[Theory, ClassData(typeof(EveryDatabase))]</c>.</summary>
public sealed class EveryDatabase : TheoryData<DatabaseKind>
{
    public EveryDatabase() : base(DatabaseKind.Sqlite, DatabaseKind.MariaDb) { }

    public static async Task<ITestDatabase> CreateAsync(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => new SqliteTestDatabase(),
        _ => await MariaDbTestDatabase.CreateAsync(),
    };
}
