using ETicket.Domain.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace ETicket.Domain.Persistence;

public static class PersistenceRegistration
{
    /// <summary>Registers the pooled <see cref="ETicketDbContext"/> for the configured provider.</summary>
    public static IServiceCollection AddETicketPersistence(this IServiceCollection services, DatabaseOptions database, string dataDirectory)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(database, dataDirectory);
                services.AddDbContextPool<ETicketDbContext, SqliteETicketDbContext>((sp, options) =>
                    ConfigureSqlite(options, sqlite).LogFailuresWhereHandled().AddInterceptors(sp.GetServices<IInterceptor>()).EnableThreadSafetyChecks(ThreadSafetyChecks(sp))
                        // Last, so it runs the command every other interceptor has seen.
                        .ReuseSqliteStatements(sp),
                    // Contexts beyond the pool open and close their connection per use.
                    poolSize: SqlitePoolSize);
                services.AddSqliteStatementReuse();
                break;
            case DatabaseProvider.MySql:
                var mysql = MySqlConnectionString(database);
                var version = ServerVersion.Parse(database.ServerVersion);
                services.AddDbContextPool<ETicketDbContext, MySqlETicketDbContext>((sp, options) =>
                    ConfigureMySql(options, mysql, version).LogFailuresWhereHandled().AddInterceptors(sp.GetServices<IInterceptor>()).EnableThreadSafetyChecks(ThreadSafetyChecks(sp)));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{database.Provider}'.");
        }
        services.AddSingleton(database);
        // Compiled queries per shape, kept for the host's life (see CompiledShapes).
        services.AddSingleton(typeof(QueryEngine.CompiledShapes<,>));
        // Every EF Core interceptor registered in the container applies (the outbox relay's signal, any a host adds).
        return services;
    }

    /// <summary>Most pooled SQLite contexts kept, and so most connections held open (HeldOpenSqliteConnection).</summary>
    public const int SqlitePoolSize = 128;

    /// <summary>
    /// EF Core's check that a context is not used by two operations at once costs an async-local
    /// write per row read (docs/benchmarks.md). Requests use their context serially (resolvers run one
    /// at a time), so the check is a development aid: on in Development, where the tests run, off elsewhere.
    /// </summary>
    private static bool ThreadSafetyChecks(IServiceProvider services) =>
        services.GetService<IHostEnvironment>()?.IsDevelopment() ?? true;

    // A migration that changes a table's keys rebuilds it, between PRAGMA foreign_keys statements
    // SQLite does not allow in a transaction; EF Core warns of that on every first start. The rebuild
    // itself runs in the migration's transaction, so the warning is Information here.
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString)
            .ConfigureWarnings(events => events.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information)));

    public static DbContextOptionsBuilder ConfigureMySql(DbContextOptionsBuilder options, string connectionString, ServerVersion version) =>
        options.UseMySql(connectionString, version, mysql => mysql.ExecutionStrategy(dependencies => new StreamingReadsRetryingStrategy(dependencies, 3)));

    public static string SqliteConnectionString(DatabaseOptions database, string dataDirectory) =>
        new SqliteConnectionStringBuilder(database.ConnectionString ?? "")
        {
            DataSource = database.ConnectionString is null ? Path.Combine(dataDirectory, "eticket.db") : new SqliteConnectionStringBuilder(database.ConnectionString).DataSource,
            // Waits for a writer in another process (federated subgraphs share the file) instead of failing.
            DefaultTimeout = 30,
        }.ToString();

    private static string MySqlConnectionString(DatabaseOptions database)
    {
        if (string.IsNullOrWhiteSpace(database.ConnectionString))
            throw new InvalidOperationException(
                "ETicket:Database:Provider is MySql but ETicket:Database:ConnectionString is empty; set ETicket__Database__ConnectionString.");
        // The pool's per-checkout reset costs a round trip and EF Core needs none of what it resets.
        return new MySqlConnectionStringBuilder(database.ConnectionString) { ConnectionReset = false }.ConnectionString;
    }
}
