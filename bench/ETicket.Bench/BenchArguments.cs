using System.Globalization;
using ETicket.Domain.Persistence;

namespace ETicket.Bench;

/// <summary>
/// A benchmark's command line: <c>--name value</c> pairs (the last of a repeated name wins where one
/// value is read), and the flags <c>--verify-only</c> and <c>--help</c>. Each option read is taken
/// out, so what is left over is refused as unknown.
/// </summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, List<string>> _values = [];
    private readonly string _usage;

    public BenchArguments(string[] args, string usage)
    {
        _usage = usage;
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Unexpected argument '{args[i]}'.\n\n{usage}");
            var name = args[i][2..];
            var value = name is "verify-only" or "help" ? "true" : i + 1 < args.Length ? args[++i] : throw new ArgumentException($"--{name} needs a value.");
            if (!_values.TryGetValue(name, out var list))
                _values[name] = list = [];
            list.Add(value);
        }
        if (_values.ContainsKey("help"))
            throw new ArgumentException(usage);
    }

    public string? One(string name) => _values.Remove(name, out var list) ? list[^1] : null;

    /// <summary>Every value given for a repeatable option.</summary>
    public IReadOnlyList<string> All(string name) => _values.Remove(name, out var list) ? list : [];

    public int Int(string name, int fallback) => One(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public TimeSpan Seconds(string name, TimeSpan fallback) => TimeSpan.FromSeconds(Int(name, (int)fallback.TotalSeconds));

    public bool Flag(string name) => One(name) is not null;

    public string? FullPath(string name) => One(name) is { } path ? Path.GetFullPath(path) : null;

    /// <summary><c>--providers sqlite,mysql</c>.</summary>
    public IReadOnlyList<DatabaseProvider> Providers(IReadOnlyList<DatabaseProvider> fallback) => One("providers") is { } providers
        ? [.. providers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseProvider)]
        : fallback;

    /// <summary>Refuses any option no one read.</summary>
    public void EnsureAllRead()
    {
        if (_values.Count > 0)
            throw new ArgumentException($"Unknown option --{_values.Keys.First()}.\n\n{_usage}");
    }

    public static DatabaseProvider ParseProvider(string name) => name.Trim().ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "mysql" or "mariadb" => DatabaseProvider.MySql,
        _ => throw new ArgumentException($"Unknown database '{name}': sqlite or mysql."),
    };
}
