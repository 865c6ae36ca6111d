using System.Text.RegularExpressions;

namespace ETicket.Tests.Configuration;

/// <summary>The environment variables Hive Gateway's configuration reads: every <c>process.env.NAME</c> in gateway/*.mjs.</summary>
public static partial class GatewayVariablesRead
{
    public const string Folder = "gateway";

    public static IReadOnlySet<string> All()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(RepositoryFiles.PathOf(Folder), "*.mjs"))
        {
            var source = File.ReadAllText(file);
            var named = ByName().Matches(source);
            // process.env['X'], a destructuring or a spread would be missed: say so rather than miss it.
            var uses = Regex.Count(source, @"\bprocess\.env\b");
            if (uses != named.Count)
                throw new InvalidOperationException($"{Path.GetFileName(file)} uses process.env {uses} times, {named.Count} of them as process.env.NAME: "
                    + "read variables as process.env.NAME, which this test can see.");
            names.UnionWith(named.Select(match => match.Groups[1].Value));
        }
        return names;
    }

    [GeneratedRegex(@"\bprocess\.env\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ByName();
}
