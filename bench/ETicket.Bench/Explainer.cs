using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ETicket.Domain.Persistence;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace ETicket.Bench;

/// <summary>
/// Shows how the database runs a statement: on MariaDB <c>ANALYZE</c> (EXPLAIN's plan plus the rows
/// each step really read, r_rows), on SQLite <c>EXPLAIN QUERY PLAN</c>; as Markdown.
/// </summary>
public sealed class Explainer(BenchDatabase database)
{
    public async Task<string> ExplainAsync(string title, CapturedCommand command, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"**{title}** ({await MedianMillisecondsAsync(connection, command, cancellationToken):F2} ms, median of {TimedExecutions} executions)").AppendLine();
        text.AppendLine("```sql").AppendLine(command.Sql.Trim()).AppendLine("```").AppendLine();

        await using var reader = await Command(connection, (database.Provider == DatabaseProvider.MySql ? "ANALYZE " : "EXPLAIN QUERY PLAN ") + command.Sql, command).ExecuteReaderAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.MySql)
        {
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            text.AppendLine("| " + string.Join(" | ", columns) + " |");
            text.AppendLine("|" + string.Concat(columns.Select(_ => "---|")));
            while (await reader.ReadAsync(cancellationToken))
            {
                var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!.Replace("|", "\\|", StringComparison.Ordinal));
                text.AppendLine("| " + string.Join(" | ", cells) + " |");
            }
            await reader.DisposeAsync();
            text.AppendLine().AppendLine(await RowsReadAsync(connection, command, cancellationToken));
        }
        else
        {
            text.AppendLine("```");
            var depth = new Dictionary<long, int> { [0] = 0 };
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
                depth[id] = level;
                text.AppendLine(new string(' ', (level - 1) * 2) + reader.GetString(3));
            }
            text.AppendLine("```");
        }
        return text.AppendLine().ToString();
    }

    private const int TimedExecutions = 21;

    /// <summary>How long the statement takes on its own, connection open, results read.</summary>
    private static async Task<double> MedianMillisecondsAsync(DbConnection connection, CapturedCommand command, CancellationToken cancellationToken)
    {
        var times = new List<double>(TimedExecutions);
        for (var i = 0; i < TimedExecutions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await using var run = Command(connection, command.Sql, command);
            await using var reader = await run.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
            }
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return times.Order().ElementAt(times.Count / 2);
    }

    /// <summary>From ANALYZE FORMAT=JSON: per table the index used and the rows really read, and whether a filesort ran.</summary>
    private static async Task<string> RowsReadAsync(DbConnection connection, CapturedCommand command, CancellationToken cancellationToken)
    {
        await using var analyze = Command(connection, "ANALYZE FORMAT=JSON " + command.Sql, command);
        var json = JsonNode.Parse((string)(await analyze.ExecuteScalarAsync(cancellationToken))!)!;
        var parts = new List<string>();
        var filesort = false;
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj)
                    {
                        if (name == "filesort")
                            filesort = true;
                        if (name == "table" && child is JsonObject table && table["table_name"] is not null)
                            parts.Add($"`{table["table_name"]}` via {(table["key"] is { } key ? $"`{key}`" : "no index")}: {table["r_rows"]} rows read (estimated {table["rows"]})");
                        Walk(child);
                    }
                    break;
                case JsonArray array:
                    foreach (var child in array)
                        Walk(child);
                    break;
            }
        }
        Walk(json);
        var time = FirstTime(json["query_block"]);
        return $"ANALYZE: {string.Join("; ", parts)}; {(filesort ? "**filesort**" : "no filesort")}" +
               (time is { } ms ? $"; {ms.ToString("F2", CultureInfo.InvariantCulture)} ms in the server." : ".");

        // The statement's own time: the outermost r_total_time_ms (a UNION keeps it inside union_result).
        static double? FirstTime(JsonNode? node) => node switch
        {
            JsonObject obj when obj["r_total_time_ms"] is JsonValue value => value.GetValue<double>(),
            JsonObject obj => obj.Select(p => FirstTime(p.Value)).FirstOrDefault(t => t is not null),
            JsonArray array => array.Select(FirstTime).FirstOrDefault(t => t is not null),
            _ => null,
        };
    }

    private static DbCommand Command(DbConnection connection, string sql, CapturedCommand source)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value, type) in source.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            parameter.DbType = type;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Runs a statement that changes the schema (a candidate index), outside EF's migrations.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbConnection Open() => database.Provider == DatabaseProvider.MySql
        ? new MySqlConnection(database.EffectiveConnectionString)
        : new SqliteConnection(database.EffectiveConnectionString);
}
