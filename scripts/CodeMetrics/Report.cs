using System.Globalization;
using System.Text;

namespace CodeMetrics;

internal sealed record ReportInput(
    string Tree,
    IReadOnlyList<SourceFile> Files,
    IReadOnlyList<MethodLength> Methods,
    SemanticResult Semantic,
    string InfrastructureFolder);

/// <summary>The Markdown report. Deterministic (sorted, no dates or machine paths), so two reports diff cleanly.</summary>
internal static class Report
{
    public const int LongFileLines = 200;
    public const int LongestMethods = 20;

    public static string Write(ReportInput input)
    {
        var md = new StringBuilder();
        var files = input.Files.Where(f => !f.IsMigration).ToList();
        var migrations = input.Files.Where(f => f.IsMigration).ToList();
        var longFiles = files.Where(f => f.Lines > LongFileLines).OrderByDescending(f => f.Lines).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        var methods = input.Methods.OrderByDescending(m => m.Lines).ThenBy(m => m.Path, StringComparer.Ordinal).ThenBy(m => m.Line).Take(LongestMethods).ToList();
        var graph = input.Semantic.Graph;
        var cycles = graph.Cycles();
        var infrastructure = input.Semantic.InfrastructureUse;
        var infrastructureFiles = files.Count(f => f.Path.StartsWith(input.InfrastructureFolder + "/", StringComparison.Ordinal));
        var errors = input.Semantic.Health.Sum(h => h.Errors);

        md.AppendLine("# Code metrics").AppendLine();
        md.AppendLine($"Tree: {input.Tree}. Made by `scripts/code-metrics.sh`; what each number counts: `docs/metrics/README.md`.");
        md.AppendLine($"Input: the `.cs` files under `src/` without `bin/` and `obj/`. EF migrations (`*/Migrations/*`, generated: {N(migrations.Count)} files, " +
                      $"{N(migrations.Sum(f => f.Lines))} lines) are left out of every section. Lines are non-blank lines.").AppendLine();

        md.AppendLine("## Summary").AppendLine();
        md.AppendLine("| measure | value |").AppendLine("|---|---:|");
        md.AppendLine($"| C# files | {N(files.Count)} |");
        md.AppendLine($"| lines | {N(files.Sum(f => f.Lines))} |");
        md.AppendLine($"| files over {LongFileLines} lines | {N(longFiles.Count)} |");
        md.AppendLine($"| longest member | {(methods.Count > 0 ? $"{N(methods[0].Lines)} (`{Cell(methods[0].Name)}`)" : "—")} |");
        md.AppendLine($"| namespaces | {N(graph.Namespaces.Count())} |");
        md.AppendLine($"| namespace dependencies | {N(graph.Namespaces.Sum(ns => graph.UsesOf(ns).Count))} |");
        md.AppendLine($"| namespace cycles | {(cycles.Count == 0 ? "none" : $"{cycles.Count} ({N(cycles.Sum(c => c.Count))} namespaces)")} |");
        md.AppendLine($"| `{input.InfrastructureFolder}` files using EF Core, Redis, SQLite or HTTP | {N(infrastructure.Count(f => f.Used.Count > 0))} of {N(infrastructureFiles)} " +
                      $"(by using directive: {N(infrastructure.Count(f => f.Imported.Count > 0))}) |");
        md.AppendLine($"| compiler errors in the analysis | {N(errors)} |").AppendLine();

        WriteLines(md, files, migrations);
        WriteLongFiles(md, longFiles);
        WriteMethods(md, methods);
        WriteDependencies(md, input.Semantic, cycles);
        WriteInfrastructure(md, input.InfrastructureFolder, infrastructure, infrastructureFiles);
        return md.ToString();
    }

    private static void WriteLines(StringBuilder md, List<SourceFile> files, List<SourceFile> migrations)
    {
        md.AppendLine("## 1. Lines per folder").AppendLine();
        md.AppendLine("| project | files | lines |").AppendLine("|---|---:|---:|");
        foreach (var project in files.GroupBy(f => f.Project).OrderBy(g => g.Key, StringComparer.Ordinal))
            md.AppendLine($"| `{project.Key}` | {N(project.Count())} | {N(project.Sum(f => f.Lines))} |");
        md.AppendLine($"| **total** | **{N(files.Count)}** | **{N(files.Sum(f => f.Lines))}** |").AppendLine();

        // A folder's own files, and its whole subtree: a refactoring that splits a folder shows in both.
        var folders = files.SelectMany(f => Ancestors(f.Folder)).Distinct().Order(StringComparer.Ordinal);
        md.AppendLine("| folder | files | lines | with subfolders |").AppendLine("|---|---:|---:|---:|");
        foreach (var folder in folders)
        {
            var own = files.Where(f => f.Folder == folder).ToList();
            var subtree = files.Where(f => f.Folder == folder || f.Folder.StartsWith(folder + "/", StringComparison.Ordinal));
            md.AppendLine($"| `{folder}` | {N(own.Count)} | {N(own.Sum(f => f.Lines))} | {N(subtree.Sum(f => f.Lines))} |");
        }
        md.AppendLine();
        if (migrations.Count > 0)
        {
            var parts = migrations.GroupBy(f => f.Folder).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"`{g.Key}` {N(g.Count())} files, {N(g.Sum(f => f.Lines))} lines");
            md.AppendLine($"Left out (EF migrations): {string.Join("; ", parts)}.").AppendLine();
        }
    }

    private static void WriteLongFiles(StringBuilder md, List<SourceFile> longFiles)
    {
        md.AppendLine($"## 2. Files over {LongFileLines} lines").AppendLine();
        md.AppendLine($"{N(longFiles.Count)} files.").AppendLine();
        if (longFiles.Count == 0)
            return;
        md.AppendLine("| file | lines |").AppendLine("|---|---:|");
        foreach (var file in longFiles)
            md.AppendLine($"| `{file.Path}` | {N(file.Lines)} |");
        md.AppendLine();
    }

    private static void WriteMethods(StringBuilder md, List<MethodLength> methods)
    {
        md.AppendLine($"## 3. The {LongestMethods} longest members").AppendLine();
        md.AppendLine("Methods, constructors, operators, accessors, expression-bodied properties, local functions, lambdas assigned to fields, " +
                      "top-level statements; from the signature (attributes left out) to the closing brace. A member's lines include " +
                      "the local functions and lambdas inside it.").AppendLine();
        md.AppendLine("| # | member | file | lines |").AppendLine("|---:|---|---|---:|");
        foreach (var (method, rank) in methods.Select((m, i) => (m, i + 1)))
            md.AppendLine($"| {rank} | `{Cell(method.Name)}` | `{method.Path}:{method.Line}` | {N(method.Lines)} |");
        md.AppendLine();
    }

    private static void WriteDependencies(StringBuilder md, SemanticResult semantic, IReadOnlyList<IReadOnlyList<string>> cycles)
    {
        var graph = semantic.Graph;
        md.AppendLine("## 4. Namespace dependencies").AppendLine();
        md.AppendLine("Derived from the compiler, not from using directives: every name in the code is bound by Roslyn (each project compiled " +
                      "in memory from its design-time build: the same sources, references and source generators as the build), and a namespace " +
                      "uses another when its code names a type of it or a member of one of its types. So a use through a parent " +
                      "namespace or a global using counts, and an unused using directive does not.").AppendLine();
        md.AppendLine("| project | files compiled (with generated ones) | source generators | errors | of which unresolved names | warnings |").AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var h in semantic.Health)
            md.AppendLine($"| `{h.Project}` | {N(h.Files)} | {N(h.Generators)} | {N(h.Errors)} | {N(h.Unresolved)} | {N(h.Warnings)} |");
        md.AppendLine();
        if (semantic.Health.Any(h => h.FirstErrors.Count > 0))
            md.AppendLine(string.Join("\n", semantic.Health.SelectMany(h => h.FirstErrors).Select(e => $"- `{e}`"))).AppendLine();
        if (semantic.NotCompiled.Count > 0)
            md.AppendLine($"Not in any project's compilation (left out of sections 4 and 5): {string.Join(", ", semantic.NotCompiled.Select(p => $"`{p}`"))}.").AppendLine();

        md.AppendLine("| namespace | files | uses (number of its files that do) |").AppendLine("|---|---:|---|");
        foreach (var ns in graph.Namespaces)
        {
            var uses = graph.UsesOf(ns).Select(u => $"`{u.Key}` ({N(u.Value.Count)})").ToList();
            md.AppendLine($"| `{ns}` | {N(graph.FileCount(ns))} | {(uses.Count == 0 ? "—" : string.Join(", ", uses))} |");
        }
        md.AppendLine();

        md.AppendLine("### Cycles").AppendLine();
        if (cycles.Count == 0)
        {
            md.AppendLine("No cycles.").AppendLine();
            return;
        }
        md.AppendLine("Groups of namespaces that each reach all the others (strongly connected components); every use inside a group is listed, " +
                      "with the files that create it and one name as an example. Removing uses until a group falls apart removes its cycles.").AppendLine();
        foreach (var (cycle, number) in cycles.Select((c, i) => (c, i + 1)))
        {
            md.AppendLine($"**Cycle {number}** ({cycle.Count} namespaces): {string.Join(", ", cycle.Select(ns => $"`{ns}`"))}").AppendLine();
            md.AppendLine("| from | to | files | example |").AppendLine("|---|---|---:|---|");
            foreach (var from in cycle)
            {
                foreach (var (to, byFile) in graph.UsesOf(from).Where(u => cycle.Contains(u.Key)))
                {
                    var (file, example) = byFile.First();
                    md.AppendLine($"| `{from}` | `{to}` | {N(byFile.Count)} | `{file}` (`{Cell(example)}`) |");
                }
            }
            md.AppendLine();
        }
    }

    private static void WriteInfrastructure(StringBuilder md, string folder, IReadOnlyList<FileInfrastructure> use, int total)
    {
        md.AppendLine($"## 5. Infrastructure in `{folder}`").AppendLine();
        md.AppendLine("A file *uses* a kind when its code names a type (or a member of a type) of that kind, bound by the compiler as in " +
                      "section 4; it *imports* it when one of its using directives names such a namespace. Uses include namespaces every " +
                      "file sees without a directive (the SDK's implicit global usings bring in `System.Net.Http`). " +
                      "EF Core: `Microsoft.EntityFrameworkCore*` and `Pomelo.EntityFrameworkCore*` (the MySQL provider), namespaces and assemblies; " +
                      "Redis: `StackExchange.Redis`; SQLite: `Microsoft.Data.Sqlite`, `SQLitePCL`, EF's Sqlite provider; " +
                      "HTTP: `System.Net.Http*`, `Microsoft.AspNetCore.Http*`, `Microsoft.Extensions.Http*`.").AppendLine();
        md.AppendLine("| infrastructure | files using it | files importing it |").AppendLine("|---|---:|---:|");
        foreach (var kind in Infrastructure.All)
            md.AppendLine($"| {kind.Name} | {N(use.Count(f => f.Used.Contains(kind.Name)))} | {N(use.Count(f => f.Imported.Contains(kind.Name)))} |");
        md.AppendLine($"| **any of them** | **{N(use.Count(f => f.Used.Count > 0))} of {N(total)}** | **{N(use.Count(f => f.Imported.Count > 0))} of {N(total)}** |").AppendLine();

        var touching = use.Where(f => f.Used.Count > 0 || f.Imported.Count > 0).ToList();
        if (touching.Count == 0)
            return;
        md.AppendLine("| file | uses | imports |").AppendLine("|---|---|---|");
        foreach (var file in touching)
            md.AppendLine($"| `{file.Path}` | {Kinds(file.Used)} | {Kinds(file.Imported)} |");
        md.AppendLine();
    }

    /// <summary>src/Domain/Listings → src/Domain/Listings, src/Domain, src.</summary>
    private static IEnumerable<string> Ancestors(string folder)
    {
        for (var f = folder; f.Length > 0; f = f.Contains('/') ? f[..f.LastIndexOf('/')] : "")
            yield return f;
    }

    private static string Kinds(IReadOnlyList<string> kinds) => kinds.Count == 0 ? "—" : string.Join(", ", kinds);

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A pipe would end the table cell (operator |).</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
