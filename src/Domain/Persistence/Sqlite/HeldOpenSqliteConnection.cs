using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace ETicket.Domain.Persistence.Sqlite;

/// <summary>
/// A pooled context's SQLite connection, opened on first use and held open until the pool drops
/// the context. Every open of a pooled <c>SqliteConnection</c> registers EF Core's ten SQL functions
/// and every close removes them again, and prepared statements die with the close; holding the
/// connection lets <see cref="SqliteStatementCache"/> reuse statements across requests
/// (docs/benchmarks.md). SQLite in WAL mode holds no lock between statements, so an idle open
/// connection blocks no writer and no checkpoint. EF Core does not dispose the contexts still in its
/// pool when the pool goes, so <see cref="HeldSqliteConnections"/> closes what is held then.
/// </summary>
#pragma warning disable EF1001 // EF Core's SQLite connection service is internal API: this adds only the "stay open" rule.
public sealed class HeldOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    private bool _releasing;

    // EF Core closes after every query and when the pool takes the context back; only a broken
    // connection or the context's disposal really closes it.
    private bool MustClose => _releasing || DbConnection.State == ConnectionState.Broken;

    protected override void CloseDbConnection()
    {
        if (MustClose)
            base.CloseDbConnection();
    }

    protected override Task CloseDbConnectionAsync() => MustClose ? base.CloseDbConnectionAsync() : Task.CompletedTask;

    protected override void ResetState(bool disposeDbConnection)
    {
        _releasing = disposeDbConnection;
        base.ResetState(disposeDbConnection);
    }

    protected override ValueTask ResetStateAsync(bool disposeDbConnection)
    {
        _releasing = disposeDbConnection;
        return base.ResetStateAsync(disposeDbConnection);
    }
}
#pragma warning restore EF1001
