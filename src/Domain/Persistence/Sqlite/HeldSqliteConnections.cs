using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ETicket.Domain.Persistence.Sqlite;

/// <summary>
/// The SQLite connections one host's contexts hold open (<see cref="HeldOpenSqliteConnection"/>),
/// closed when the host's services are disposed. EF Core's pool, when disposed, leaves the contexts
/// it holds undisposed (it counts them disposed once reset), so their connections would otherwise stay
/// open until the process ends: files kept open, the WAL never checkpointed on close.
/// </summary>
public sealed class HeldSqliteConnections : DbConnectionInterceptor, IAsyncDisposable
{
    private readonly ConcurrentDictionary<SqliteConnection, byte> _open = new();

    public int Count => _open.Count;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Hold(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Hold(connection);
        return Task.CompletedTask;
    }

    private void Hold(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite || !_open.TryAdd(sqlite, 0))
            return;
        // A context disposed outside the pool closes its own; forget it then.
        sqlite.StateChange += (_, change) =>
        {
            if (change.CurrentState == ConnectionState.Closed)
                _open.TryRemove(sqlite, out byte _);
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _open.Keys)
            await connection.CloseAsync();
    }
}
