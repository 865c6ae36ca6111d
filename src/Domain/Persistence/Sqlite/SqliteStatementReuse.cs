using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Domain.Persistence.Sqlite;

public static class SqliteStatementReuse
{
    /// <summary>The host's statement cache and its record of held connections, one each per host.</summary>
    public static IServiceCollection AddSqliteStatementReuse(this IServiceCollection services) =>
        services.AddSingleton<SqliteStatementCache>().AddSingleton<HeldSqliteConnections>();

    /// <summary>Holds each pooled context's connection open and reuses its prepared statements (see the types named).</summary>
    public static DbContextOptionsBuilder ReuseSqliteStatements(this DbContextOptionsBuilder options, IServiceProvider services)
    {
#pragma warning disable EF1001 // The connection service is internal API; HeldOpenSqliteConnection says why it is replaced.
        options.ReplaceService<ISqliteRelationalConnection, HeldOpenSqliteConnection>();
#pragma warning restore EF1001
        return options.AddInterceptors(services.GetRequiredService<HeldSqliteConnections>(), services.GetRequiredService<SqliteStatementCache>());
    }
}
