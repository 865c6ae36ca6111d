using ETicket.Graph.Schema;

namespace ETicket.Tests.Configuration;

/// <summary>
/// docs/configuration.md, read as its tables: the platform's settings are the rows of the tables
/// with a <c>key</c> and a <c>roles</c> column; the gateway's variables are the rows of the
/// <c>variable</c> tables under the heading that starts with "Gateway".
/// </summary>
public sealed class ConfigurationReference(IReadOnlyList<ConfigurationReference.Table> tables)
{
    public const string RelativePath = "docs/configuration.md";

    /// <summary>A table and the heading it sits under; each row maps a column's name to its cell, backticks removed.</summary>
    public sealed record Table(string Heading, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);

    public sealed record Setting(string Key, string EnvironmentVariable, IReadOnlySet<GraphRole> Roles);

    public static ConfigurationReference Load() => Parse(File.ReadAllLines(RepositoryFiles.PathOf(RelativePath)));

    public IReadOnlyList<Setting> PlatformSettings =>
    [
        .. tables.Where(table => table.Columns.Contains("key") && table.Columns.Contains("roles"))
            .SelectMany(table => table.Rows)
            .Select(row => new Setting(row["key"], row["environment variable"], ParseRoles(row["key"], row["roles"]))),
    ];

    public IReadOnlyList<string> GatewayVariables =>
    [
        .. tables.Where(table => table.Heading.StartsWith("Gateway", StringComparison.Ordinal) && table.Columns.Contains("variable"))
            .SelectMany(table => table.Rows)
            .Select(row => row["variable"]),
    ];

    /// <summary>"all", or role names separated by commas.</summary>
    private static IReadOnlySet<GraphRole> ParseRoles(string key, string roles) => roles == "all"
        ? Enum.GetValues<GraphRole>().ToHashSet()
        : roles.Split(',', StringSplitOptions.TrimEntries)
            .Select(role => Enum.TryParse<GraphRole>(role, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw new FormatException($"{RelativePath}: {key} has the role \"{role}\"; write \"all\" or names of {nameof(GraphRole)} separated by commas."))
            .ToHashSet();

    private static ConfigurationReference Parse(IReadOnlyList<string> lines)
    {
        var tables = new List<Table>();
        var heading = "";
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith('#'))
                heading = lines[i].TrimStart('#').Trim();
            // A table: its header, the |---| line, then its rows.
            if (!IsRow(lines[i]) || i + 1 >= lines.Count || !IsHeaderRule(lines[i + 1]))
                continue;
            var columns = Cells(lines[i]);
            var rows = new List<IReadOnlyDictionary<string, string>>();
            for (i += 2; i < lines.Count && IsRow(lines[i]); i++)
                rows.Add(columns.Zip(Cells(lines[i])).ToDictionary(cell => cell.First, cell => cell.Second));
            tables.Add(new Table(heading, columns, rows));
        }
        return new ConfigurationReference(tables);
    }

    private static bool IsRow(string line) => line.StartsWith('|');

    private static bool IsHeaderRule(string line) => line.Replace(" ", "", StringComparison.Ordinal).StartsWith("|-", StringComparison.Ordinal);

    private static string[] Cells(string row) =>
        [.. row.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).Select(cell => cell is ['`', .. var code, '`'] && !code.Contains('`') ? code : cell)];
}
