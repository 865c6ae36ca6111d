using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ETicket.Domain.Persistence;

/// <summary>
/// Writes domain objects straight into their tables with multi-row INSERTs built from the EF model:
/// column names, value converters (cents and ticks on SQLite) and parameter types all come from the
/// mapping, so the rows are exactly what the platform would have written, at a fraction of the time
/// SaveChanges takes. Shared by the demo data (the <c>seed</c> command) and the benchmarks' seeders.
/// It writes no events: whoever uses it tells the consumers that need to know (the seed asks for a
/// search reindex).
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Multi-row INSERTs in one transaction, every value converted by its column's EF type mapping.
    /// Columns come from the relational model, so a table split over several entity types (Listings
    /// holds Listing and its ListingText) gets each column from the entity that maps it.
    /// </summary>
    public static async Task InsertAsync<T>(ETicketDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
            return;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = db.Model.GetRelationalModel().FindTable(entity.GetTableName()!, entity.GetSchema())!;
        var columns = table.Columns.Select(column => Column(entity, column)).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var columnList = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));
        // MySqlConnector substitutes parameters by name lookup, so big statements are cheap; SQLite binds
        // each name with a linear search over the statement's parameters, so its statements stay small.
        var rowsPerStatement = Math.Max(1, (db is SqliteETicketDbContext ? 400 : 8_000) / columns.Count);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var values = new List<string>();
                foreach (var row in rows.Skip(start).Take(rowsPerStatement))
                {
                    var names = new List<string>(columns.Count);
                    foreach (var column in columns)
                    {
                        var name = "@p" + command.Parameters.Count;
                        names.Add(name);
                        command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.ValueOf(row), column.Nullable));
                    }
                    values.Add("(" + string.Join(", ", names) + ")");
                }
                command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name)} ({columnList}) VALUES {string.Join(", ", values)}";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record SeedColumn(string Name, RelationalTypeMapping Mapping, bool Nullable, Func<object, object?> ValueOf);

    /// <summary>Where a column's value comes from: a property of the row's entity, or of an entity it owns on the same row.</summary>
    private static SeedColumn Column(IEntityType root, IColumn column)
    {
        foreach (var mapping in column.PropertyMappings.OrderBy(m => m.Property.DeclaringType == root ? 0 : 1))
        {
            var property = mapping.Property;
            if (property.DeclaringType == root)
                return new SeedColumn(column.Name, mapping.TypeMapping, column.IsNullable, row => property.GetGetter().GetClrValue(row));
            var navigation = root.GetNavigations().FirstOrDefault(n => n.TargetEntityType == property.DeclaringType);
            if (navigation is not null)
                return new SeedColumn(column.Name, mapping.TypeMapping, column.IsNullable,
                    row => navigation.GetGetter().GetClrValue(row) is { } part ? property.GetGetter().GetClrValue(part) : null);
        }
        throw new InvalidOperationException($"The seeder cannot fill column {column.Table.Name}.{column.Name} from {root.DisplayName()}.");
    }
}
