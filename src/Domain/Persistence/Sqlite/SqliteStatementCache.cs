using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ETicket.Domain.Persistence.Sqlite;

/// <summary>
/// Reuses prepared statements for EF Core's LINQ queries. Microsoft.Data.Sqlite prepares a command's
/// SQL on its first execution and keeps the statements while the command lives, but EF Core creates
/// and disposes a command per execution, so SQLite parsed and planned the same SQL on every request
/// (about a third of SQLite's time on the market page, docs/benchmarks.md row 12). This runs the
/// query on a command kept per connection and SQL text instead, with EF Core's parameters,
/// transaction and timeout, and hands EF Core its reader. Only pays off with connections held open
/// (<see cref="HeldOpenSqliteConnection"/>): a close finalizes every statement.
/// </summary>
public sealed class SqliteStatementCache : DbCommandInterceptor
{
    /// <summary>Statements kept per connection; LINQ queries are few and fixed, so this is a guard, not a tuning knob.</summary>
    public const int StatementsPerConnection = 100;

    private readonly ConditionalWeakTable<SqliteConnection, PreparedCommands> _connections = [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        !result.HasResult && TryExecute(command, eventData) is { } reader ? InterceptionResult<DbDataReader>.SuppressWithResult(reader) : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        // Microsoft.Data.Sqlite executes synchronously whichever method is called.
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    /// <summary>How many statements are kept for the connection (for diagnostics and tests).</summary>
    public int KeptFor(SqliteConnection connection) => _connections.TryGetValue(connection, out var commands) ? commands.Count : 0;

    private SqliteDataReader? TryExecute(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.LinqQuery || command is not SqliteCommand { Connection: { } connection } sqlite)
            return null;
        return _connections.GetValue(connection, c => new PreparedCommands(c)).Find(sqlite.CommandText)?.ExecuteLike(sqlite);
    }

    /// <summary>One connection's commands by SQL text; forgotten (and finalized) when the connection closes.</summary>
    private sealed class PreparedCommands
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, PreparedCommand> _bySql = new(StringComparer.Ordinal);

        public PreparedCommands(SqliteConnection connection)
        {
            _connection = connection;
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState == System.Data.ConnectionState.Closed)
                    Forget();
            };
        }

        public int Count => _bySql.Count;

        /// <summary>The command for this SQL, unless it is still being read (a nested query) or the cache is full.</summary>
        public PreparedCommand? Find(string sql)
        {
            if (_bySql.TryGetValue(sql, out var prepared))
                return prepared.IsReading ? null : prepared;
            if (_bySql.Count >= StatementsPerConnection)
                return null;
            prepared = new PreparedCommand(new SqliteCommand(sql, _connection));
            _bySql.Add(sql, prepared);
            return prepared;
        }

        private void Forget()
        {
            foreach (var prepared in _bySql.Values)
                prepared.Dispose();
            _bySql.Clear();
        }
    }

    private sealed class PreparedCommand(SqliteCommand command) : IDisposable
    {
        private SqliteDataReader? _reader;

        public bool IsReading => _reader is { IsClosed: false };

        /// <summary>Runs the prepared statements with what EF Core put on its own command.</summary>
        public SqliteDataReader ExecuteLike(SqliteCommand source)
        {
            command.Parameters.Clear();
            foreach (SqliteParameter parameter in source.Parameters)
                command.Parameters.Add(parameter);
            command.Transaction = source.Transaction;
            command.CommandTimeout = source.CommandTimeout;
            return _reader = command.ExecuteReader();
        }

        public void Dispose() => command.Dispose();
    }
}
