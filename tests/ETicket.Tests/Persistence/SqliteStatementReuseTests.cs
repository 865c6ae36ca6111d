using System.Data;
using System.Data.Common;
using ETicket.Domain.Members;
using ETicket.Domain.Persistence;
using ETicket.Domain.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Persistence;

/// <summary>
/// On SQLite a pooled context holds its connection open and its LINQ queries run on prepared
/// statements kept per connection (HeldOpenSqliteConnection, SqliteStatementCache): the answers must
/// be exactly those of fresh statements, whatever the parameters, transactions, nesting or schema.
/// </summary>
public sealed class SqliteStatementReuseTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("eticket-statements-").FullName;
    private readonly OpenCounter _opens = new();
    private ServiceProvider _services = null!;
    private CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IInterceptor>(_opens)
            .AddETicketPersistence(new DatabaseOptions(), _directory)
            .BuildServiceProvider();
        await InScopeAsync(async db =>
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken);
            db.Members.AddRange(Enumerable.Range(1, 5).Select(i => Member.JoinWithPhoneNumber($"1380000000{i}", $"M{i}", DateTimeOffset.UtcNow)));
            await db.SaveChangesAsync(CancellationToken);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Each_query_is_prepared_once_per_connection_and_answers_for_its_own_parameters()
    {
        _opens.Count = 0;
        SqliteConnection? connection = null;
        for (var i = 1; i <= 5; i++)
        {
            var phone = $"1380000000{i}";
            await InScopeAsync(async db =>
            {
                connection = (SqliteConnection)db.Database.GetDbConnection();
                Assert.Equal($"M{i}", (await db.Members.AsNoTracking().SingleAsync(m => m.PhoneNumber == phone, CancellationToken)).Nickname);
                Assert.Equal(5, await db.Members.CountAsync(CancellationToken));
            });
        }

        // One pooled context served every scope with the connection it opened to migrate, and the two
        // queries were prepared once each.
        Assert.Equal(0, _opens.Count);
        Assert.Equal(ConnectionState.Open, connection!.State);
        Assert.Equal(2, Cache().KeptFor(connection));
    }

    [Fact]
    public async Task Reads_inside_a_transaction_see_its_writes_and_reads_after_the_rollback_do_not()
    {
        await InScopeAsync(async db =>
        {
            Assert.Equal(5, await db.Members.CountAsync(CancellationToken));
            await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken))
            {
                db.Members.Add(Member.JoinWithPhoneNumber("13900000000", "T", DateTimeOffset.UtcNow));
                await db.SaveChangesAsync(CancellationToken);
                Assert.Equal(6, await db.Members.CountAsync(CancellationToken));
                await transaction.RollbackAsync(CancellationToken);
            }
            db.ChangeTracker.Clear();
            Assert.Equal(5, await db.Members.CountAsync(CancellationToken));
        });
    }

    [Fact]
    public async Task The_same_query_run_while_its_reader_is_open_gets_statements_of_its_own()
    {
        await InScopeAsync(async db =>
        {
            var pairs = 0;
            await foreach (var outer in db.Members.AsNoTracking().OrderBy(m => m.Id).AsAsyncEnumerable().WithCancellation(CancellationToken))
            {
                var inner = await db.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync(CancellationToken);
                pairs += inner.Count;
            }
            Assert.Equal(25, pairs);
        });
    }

    [Fact]
    public async Task A_schema_change_by_another_connection_is_picked_up_by_kept_statements()
    {
        await InScopeAsync(async db => Assert.Equal(5, await db.Members.CountAsync(CancellationToken)));

        await using (var other = new SqliteConnection(PersistenceRegistration.SqliteConnectionString(new DatabaseOptions(), _directory)))
        {
            await other.OpenAsync(CancellationToken);
            await using var alter = other.CreateCommand();
            alter.CommandText = "CREATE INDEX IX_Test_Nickname ON Members (Nickname); DELETE FROM Members WHERE PhoneNumber = '13800000001';";
            await alter.ExecuteNonQueryAsync(CancellationToken);
        }

        await InScopeAsync(async db => Assert.Equal(4, await db.Members.CountAsync(CancellationToken)));
    }

    [Fact]
    public async Task Disposing_the_pool_closes_the_held_connections()
    {
        SqliteConnection? connection = null;
        await InScopeAsync(async db =>
        {
            connection = (SqliteConnection)db.Database.GetDbConnection();
            await db.Members.CountAsync(CancellationToken);
        });
        Assert.Equal(ConnectionState.Open, connection!.State);
        var cache = Cache();
        var held = _services.GetRequiredService<HeldSqliteConnections>();
        Assert.Equal(1, held.Count);

        await _services.DisposeAsync();

        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Equal(0, held.Count);
        Assert.Equal(0, cache.KeptFor(connection));
    }

    private SqliteStatementCache Cache() => _services.GetRequiredService<SqliteStatementCache>();

    private async Task InScopeAsync(Func<ETicketDbContext, Task> work)
    {
        await using var scope = _services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<ETicketDbContext>());
    }

    private sealed class OpenCounter : DbConnectionInterceptor
    {
        public int Count;

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return Task.CompletedTask;
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref Count);
    }
}
