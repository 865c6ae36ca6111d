using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using MySqlConnector;

namespace ETicket.Domain.Persistence;

public static class UniqueIndexViolations
{
    // SQLITE_CONSTRAINT_UNIQUE: "UNIQUE constraint failed: Table.Column, Table.Column".
    private const int SqliteUniqueConstraint = 2067;

    /// <summary>
    /// Whether a save failed because a row would repeat the value of the unique index over
    /// <paramref name="properties"/> of <typeparamref name="TEntity"/>, and not for any other reason,
    /// so callers can turn exactly that race into a business answer and let everything else fail.
    /// </summary>
    public static bool ViolatesUniqueIndex<TEntity>(this DbUpdateException failure, DbContext db, params string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new ArgumentException($"{typeof(TEntity).Name} is not mapped.", nameof(TEntity));
        var index = entity.GetIndexes().Single(i => i.IsUnique && i.Properties.Select(p => p.Name).SequenceEqual(properties));
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return failure.InnerException switch
        {
            SqliteException { SqliteExtendedErrorCode: SqliteUniqueConstraint } sqlite => sqlite.Message.Contains(
                "UNIQUE constraint failed: " + string.Join(", ", index.Properties.Select(p => $"{table.Name}.{p.GetColumnName(table)}")) + "'",
                StringComparison.Ordinal),
            // MariaDB names the index ('IX_...'); MySQL 8 prefixes its table ('Table.IX_...').
            MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry } mysql =>
                mysql.Message.EndsWith($"'{index.GetDatabaseName()}'", StringComparison.Ordinal)
                || mysql.Message.EndsWith($".{index.GetDatabaseName()}'", StringComparison.Ordinal),
            _ => false,
        };
    }
}
