using System.Data.Common;
using System.Globalization;
using System.Text;
using ETicket.Bench;
using ETicket.Domain.Persistence;
using ETicket.Search;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace ETicket.SearchBench;

/// <summary>
/// The floors' SQL, with the ADO.NET driver and the connection string the platform uses: the
/// listings a page shows, by id (what the platform reads after its index answers), and the search
/// as the market could run it without an index: <c>LIKE '%word%'</c> on title, description, venue
/// and city for every word, the same filters, and the sort's ORDER BY.
/// </summary>
public abstract class SqlListings(string connectionString)
{
    protected string ConnectionString { get; } = connectionString;

    public static SqlListings For(BenchDatabase database) => database.Provider == DatabaseProvider.MySql
        ? new MySqlListings(database.EffectiveConnectionString)
        : new SqliteListings(database.EffectiveConnectionString);

    protected abstract DbConnection Open();
    protected abstract object Time(DateTimeOffset time);
    protected abstract object Money(decimal amount);
    protected abstract string ReadPrice(DbDataReader reader, int ordinal);

    public async Task<IReadOnlyDictionary<string, ListingRow>> FindAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, ListingRow>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0)
            return rows;
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Title, Price, City FROM Listings WHERE Id IN (" + string.Join(", ", ids.Select((_, i) => "@id" + i)) + ")";
        for (var i = 0; i < ids.Count; i++)
            Add(command, "@id" + i, ids[i]);
        await foreach (var row in ReadAsync(command, cancellationToken))
            rows[row.Id] = row;
        return rows;
    }

    /// <summary>
    /// One page at <paramref name="offset"/>: no total and no facets, which LIKE cannot give without
    /// scanning again, so it is the cheapest answer SQL can make to the search.
    /// </summary>
    public async Task<IReadOnlyList<ListingRow>> LikeAsync(ListingSearchQuery query, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT Id, Title, Price, City FROM Listings WHERE Status = 'OnSale' AND ExpiresAt > @now");
        Add(command, "@now", Time(query.Now));
        for (var i = 0; i < query.Words.Count; i++)
        {
            // The bench's words hold no % or _, so they are not escaped.
            var word = "@w" + i;
            sql.Append(CultureInfo.InvariantCulture, $" AND (Title LIKE {word} OR Description LIKE {word} OR Venue LIKE {word} OR City LIKE {word})");
            Add(command, word, "%" + query.Words[i] + "%");
        }
        if (query.Categories.Count > 0)
        {
            sql.Append(" AND Category IN (").AppendJoin(", ", query.Categories.Select((_, i) => "@c" + i)).Append(')');
            for (var i = 0; i < query.Categories.Count; i++)
                Add(command, "@c" + i, query.Categories[i].ToString());
        }
        if (query.City is { } city)
        {
            sql.Append(" AND City = @city");
            Add(command, "@city", city);
        }
        if (query.StartsFrom is { } from)
        {
            sql.Append(" AND StartsAt >= @from");
            Add(command, "@from", Time(from));
        }
        if (query.StartsTo is { } to)
        {
            sql.Append(" AND StartsAt <= @to");
            Add(command, "@to", Time(to));
        }
        if (query.MinPrice is { } min)
        {
            sql.Append(" AND Price >= @min");
            Add(command, "@min", Money(min));
        }
        if (query.MaxPrice is { } max)
        {
            sql.Append(" AND Price <= @max");
            Add(command, "@max", Money(max));
        }
        // SQL cannot rank by where a word was found: relevance falls back to its tie-breaker, newest first.
        sql.Append(query.Sort switch
        {
            ListingSearchSort.StartsAtAsc => " ORDER BY StartsAt IS NULL, StartsAt, Id",
            ListingSearchSort.PriceAsc => " ORDER BY Price, Id",
            ListingSearchSort.PriceDesc => " ORDER BY Price DESC, Id",
            _ => " ORDER BY PublishedAt DESC, Id",
        });
        sql.Append(CultureInfo.InvariantCulture, $" LIMIT {limit} OFFSET {offset}");
        command.CommandText = sql.ToString();
        var rows = new List<ListingRow>(limit);
        await foreach (var row in ReadAsync(command, cancellationToken))
            rows.Add(row);
        return rows;
    }

    private async IAsyncEnumerable<ListingRow> ReadAsync(DbCommand command, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return new ListingRow(reader.GetString(0), reader.GetString(1), ReadPrice(reader, 2), reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>MariaDB: decimal(18,2) money, UTC datetime(6) times.</summary>
public sealed class MySqlListings(string connectionString) : SqlListings(connectionString)
{
    protected override DbConnection Open() => new MySqlConnection(ConnectionString);
    protected override object Time(DateTimeOffset time) => time.UtcDateTime;
    protected override object Money(decimal amount) => amount;
    protected override string ReadPrice(DbDataReader reader, int ordinal) => ETicket.Domain.Common.Money.Format(reader.GetDecimal(ordinal));
}

/// <summary>SQLite: money as cents and times as UTC ticks, both INTEGER.</summary>
public sealed class SqliteListings(string connectionString) : SqlListings(connectionString)
{
    protected override DbConnection Open() => new SqliteConnection(ConnectionString);
    protected override object Time(DateTimeOffset time) => time.UtcTicks;
    protected override object Money(decimal amount) => (long)decimal.Round(amount * 100);
    protected override string ReadPrice(DbDataReader reader, int ordinal) => ETicket.Domain.Common.Money.Format(reader.GetInt64(ordinal) / 100m);
}
