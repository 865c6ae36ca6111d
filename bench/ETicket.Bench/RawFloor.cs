using System.Buffers.Text;
using System.Data.Common;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ETicket.Domain.Persistence;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace ETicket.Bench;

/// <summary>
/// The floor the platform is measured against: a plain ASP.NET Core endpoint (no GraphQL, no EF Core)
/// that reads the same POST body, runs the market page's two statements (the page, then its sellers
/// by id) with MySqlConnector or Microsoft.Data.Sqlite, and writes the same JSON the platform writes.
/// The WHERE and ORDER BY are the ones the platform's keyset paging emits (nulls last as "IS NULL",
/// then the key, then the id); only the columns are narrowed to what the page shows.
/// </summary>
public sealed class RawFloor : IAsyncDisposable
{
    public const string Path = "/market";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly WebApplication _app;

    private RawFloor(WebApplication app, Uri endpoint) => (_app, Endpoint) = (app, endpoint);

    public Uri Endpoint { get; }

    public static async Task<RawFloor> StartAsync(DatabaseProvider provider, string connectionString)
    {
        var builder = LoopbackServer.CreateBuilder();
        var app = builder.Build();
        var query = Query(provider, connectionString);
        app.MapPost(Path, (HttpContext http) => RespondAsync(http, query));
        return new RawFloor(app, await LoopbackServer.StartAsync(app, Path));
    }

    public static IMarketQuery Query(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.MySql
        ? new MySqlMarketQuery(connectionString)
        : new SqliteMarketQuery(connectionString);

    private static async Task RespondAsync(HttpContext http, IMarketQuery query)
    {
        var after = await ReadAfterAsync(http.Request.BodyReader, http.RequestAborted);
        var page = await query.PageAsync(after is null ? null : RawCursor.Decode(after), http.RequestAborted);

        http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        using (var json = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteStartObject("listings");
            json.WriteStartArray("nodes");
            foreach (var row in page.Rows)
            {
                json.WriteStartObject();
                json.WriteString("title", row.Title);
                json.WriteString("price", row.Price);
                json.WriteStartObject("seller");
                json.WriteString("nickname", page.Nicknames[row.SellerId]);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("pageInfo");
            if (page.Rows.Count == 0)
                json.WriteNull("endCursor");
            else
                json.WriteString("endCursor", RawCursor.Encode(page.Rows[^1].StartsAtTicks, page.Rows[^1].Id));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    /// <summary>The body's <c>variables.after</c>; the floor trusts the rest of the body to be the market query.</summary>
    private static async Task<string?> ReadAfterAsync(PipeReader body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            if (read.IsCompleted)
            {
                // The document reads the pipe's memory in place: take the value before handing the
                // memory back (reading it after AdvanceTo read other requests' bytes, now and then).
                string? value;
                using (var document = JsonDocument.Parse(read.Buffer))
                {
                    value = document.RootElement.TryGetProperty("variables", out var variables)
                            && variables.ValueKind == JsonValueKind.Object
                            && variables.TryGetProperty("after", out var after)
                            && after.ValueKind == JsonValueKind.String
                        ? after.GetString()
                        : null;
                }
                body.AdvanceTo(read.Buffer.End);
                return value;
            }
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The floor's own cursor: (startsAt as UTC ticks or empty for none, id).</summary>
public static class RawCursor
{
    public static string Encode(long? startsAtTicks, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{startsAtTicks?.ToString(CultureInfo.InvariantCulture)}|{id}"));

    public static (long? StartsAtTicks, string Id) Decode(string cursor)
    {
        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return (bar == 0 ? null : long.Parse(text.AsSpan(0, bar), CultureInfo.InvariantCulture), text[(bar + 1)..]);
    }
}

public sealed record RawRow(string Id, string Title, string Price, string SellerId, long? StartsAtTicks);

public sealed record RawPage(IReadOnlyList<RawRow> Rows, IReadOnlyDictionary<string, string> Nicknames);

public interface IMarketQuery
{
    Task<RawPage> PageAsync((long? StartsAtTicks, string Id)? after, CancellationToken cancellationToken);

    /// <summary>The statements as they would be sent, for EXPLAIN: the page's segments (see <see cref="MarketQuery{TConnection}"/>) and the sellers.</summary>
    (IReadOnlyList<CapturedCommand> Page, CapturedCommand Sellers) Describe((long? StartsAtTicks, string Id)? after, IReadOnlyList<string> sellerIds);
}

/// <summary>
/// The platform's statements, shared by both providers; each says how its columns and parameters look.
/// Like the platform's keyset paging, a page ordered by a nullable key (startsAt, nulls last) is read
/// in two segments, each in index order: the rows with a start time, then, only when they run out
/// within the page, the rows without one.
/// </summary>
public abstract class MarketQuery<TConnection>(string connectionString) : IMarketQuery
    where TConnection : DbConnection
{
    private const string Filter =
        "SELECT Id, Title, Price, SellerId, StartsAt FROM Listings WHERE Category = @category AND City = @city AND Status = 'OnSale' AND ExpiresAt > @now";

    protected string ConnectionString { get; } = connectionString;

    /// <summary>Rows with a start time, after the cursor when it has one.</summary>
    public static string PresentSql(bool after, int limit) =>
        $"{Filter} AND StartsAt IS NOT NULL{(after ? " AND (StartsAt > @startsAt OR (StartsAt = @startsAt AND Id > @id))" : "")} ORDER BY StartsAt, Id LIMIT {limit}";

    /// <summary>Rows without a start time, after the cursor when it sits among them.</summary>
    public static string AbsentSql(bool after, int limit) =>
        $"{Filter} AND StartsAt IS NULL{(after ? " AND Id > @id" : "")} ORDER BY Id LIMIT {limit}";

    public static string SellersSql(int count) =>
        "SELECT Id, Nickname FROM Members WHERE Id IN (" + string.Join(", ", Enumerable.Range(0, count).Select(i => "@s" + i)) + ")";

    /// <summary>The segments a page reads, in order: true for the rows with a start time, false for those without.</summary>
    private static IEnumerable<bool> Segments((long? StartsAtTicks, string Id)? after) =>
        after is { StartsAtTicks: null } ? [false] : [true, false];

    private CapturedCommand Segment(bool present, (long? StartsAtTicks, string Id)? after, int limit) => present
        ? new(PresentSql(after is not null, limit), Parameters(after, startsAt: after is not null, id: after is not null))
        : new(AbsentSql(after is { StartsAtTicks: null }, limit), Parameters(after, startsAt: false, id: after is { StartsAtTicks: null }));

    public (IReadOnlyList<CapturedCommand> Page, CapturedCommand Sellers) Describe((long? StartsAtTicks, string Id)? after, IReadOnlyList<string> sellerIds) =>
        ([.. Segments(after).Select(present => Segment(present, after, Market.PageSize + 1))],
         new CapturedCommand(SellersSql(sellerIds.Count), [.. sellerIds.Select((id, i) => ("@s" + i, (object?)id, System.Data.DbType.String))]));

    private List<(string, object?, System.Data.DbType)> Parameters((long? StartsAtTicks, string Id)? after, bool startsAt, bool id)
    {
        var parameters = new List<(string, object?, System.Data.DbType)>
        {
            ("@category", Market.Category.ToString(), System.Data.DbType.String),
            ("@city", Market.City, System.Data.DbType.String),
            ("@now", Now(), Now() is long ? System.Data.DbType.Int64 : System.Data.DbType.DateTime),
        };
        if (startsAt && after?.StartsAtTicks is { } ticks)
            parameters.Add(("@startsAt", StartsAtParameter(ticks), StartsAtParameter(ticks) is long ? System.Data.DbType.Int64 : System.Data.DbType.DateTime));
        if (id && after is { } cursor)
            parameters.Add(("@id", cursor.Id, System.Data.DbType.String));
        return parameters;
    }

    protected abstract TConnection Open();
    protected abstract object Now();
    protected abstract object StartsAtParameter(long ticks);
    protected abstract string Price(DbDataReader reader, int ordinal);
    protected abstract long? StartsAtTicks(DbDataReader reader, int ordinal);

    public async Task<RawPage> PageAsync((long? StartsAtTicks, string Id)? after, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);

        var rows = new List<RawRow>(Market.PageSize + 1);
        foreach (var present in Segments(after))
        {
            var segment = Segment(present, after, Market.PageSize + 1 - rows.Count);
            await using var page = connection.CreateCommand();
            page.CommandText = segment.Sql;
            foreach (var (name, value, _) in segment.Parameters)
                Add(page, name, value!);
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows.Add(new RawRow(reader.GetString(0), reader.GetString(1), Price(reader, 2), reader.GetString(3), StartsAtTicks(reader, 4)));
            if (rows.Count == Market.PageSize + 1)
                break;
        }
        if (rows.Count > Market.PageSize)
            rows.RemoveAt(rows.Count - 1);

        var nicknames = new Dictionary<string, string>(rows.Count);
        if (rows.Count > 0)
        {
            var sellerIds = rows.Select(r => r.SellerId).Distinct().ToList();
            await using var sellers = connection.CreateCommand();
            sellers.CommandText = SellersSql(sellerIds.Count);
            for (var i = 0; i < sellerIds.Count; i++)
                Add(sellers, "@s" + i, sellerIds[i]);
            await using var reader = await sellers.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                nicknames[reader.GetString(0)] = reader.GetString(1);
        }
        return new RawPage(rows, nicknames);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>MariaDB: decimal(18,2) money, UTC datetime(6) times; the same connection string (ConnectionReset=false) the platform builds.</summary>
public sealed class MySqlMarketQuery(string connectionString) : MarketQuery<MySqlConnection>(connectionString)
{
    protected override MySqlConnection Open() => new(ConnectionString);
    protected override object Now() => DateTime.UtcNow;
    protected override object StartsAtParameter(long ticks) => new DateTime(ticks, DateTimeKind.Utc);
    protected override string Price(DbDataReader reader, int ordinal) => reader.GetDecimal(ordinal).ToString("0.00", CultureInfo.InvariantCulture);
    protected override long? StartsAtTicks(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDateTime(ordinal).Ticks;
}

/// <summary>SQLite: money as cents and times as UTC ticks, both INTEGER.</summary>
public sealed class SqliteMarketQuery(string connectionString) : MarketQuery<SqliteConnection>(connectionString)
{
    protected override SqliteConnection Open() => new(ConnectionString);
    protected override object Now() => DateTimeOffset.UtcNow.UtcTicks;
    protected override object StartsAtParameter(long ticks) => ticks;
    protected override string Price(DbDataReader reader, int ordinal) => (reader.GetInt64(ordinal) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
    protected override long? StartsAtTicks(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
