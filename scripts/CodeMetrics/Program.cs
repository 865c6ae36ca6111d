using CodeMetrics;
using Microsoft.CodeAnalysis.CSharp;

// Code metrics for a refactoring's before and after: see docs/metrics/README.md. Progress goes to stderr, the report to --out or stdout.
const string usage = "usage: CodeMetrics [--root <repo dir>] [--out <report.md>] [--configuration Release|Debug]";
const string infrastructureFolder = "src/Domain";

string root = Directory.GetCurrentDirectory(), configuration = "Release";
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--root" when value is not null: root = value; i++; break;
        case "--out" when value is not null: output = value; i++; break;
        case "--configuration" when value is not null: configuration = value; i++; break;
        case "-h" or "--help": Console.WriteLine(usage); return 0;
        default: Console.Error.WriteLine(usage); return 2;
    }
}
root = Path.GetFullPath(root);
if (!Directory.Exists(Path.Combine(root, "src")))
{
    Console.Error.WriteLine($"code-metrics: {root} has no src/ folder");
    return 2;
}

var files = SourceFiles.Find(root);
Console.Error.WriteLine($"code-metrics: {files.Count} C# files under src/");
var measured = files.Where(f => !f.IsMigration).ToList();
var methods = measured
    .SelectMany(f => MethodLengths.Measure(CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(root, f.Path))), f.Path))
    .ToList();

var projectFiles = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories)
    .Where(p => !SourceFiles.IsBuildOutput(SourceFiles.RelativePath(root, p)))
    .Order(StringComparer.Ordinal)
    .ToList();
Console.Error.WriteLine($"code-metrics: compiling {projectFiles.Count} projects in memory (design-time build, {configuration})");
SemanticResult semantic;
try
{
    var projects = ProjectLoader.LoadAll(projectFiles, configuration);
    semantic = SemanticAnalysis.Run(root, projects, measured.Select(f => f.Path).ToHashSet(), infrastructureFolder);
}
catch (InvalidOperationException e)
{
    // MSBuild could not evaluate a project (no SDK, restore failed): its output says why.
    Console.Error.WriteLine($"code-metrics: {e.Message}");
    return 1;
}

var report = Report.Write(new ReportInput(DescribeTree(root), files, methods, semantic, infrastructureFolder));
if (output is null)
    Console.Write(report);
else
{
    File.WriteAllText(output, report);
    Console.Error.WriteLine($"code-metrics: wrote {output}");
}
return 0;

// The commit and its tags, so a report says which tree it measured; a tree with changes under src/ says so.
static string DescribeTree(string root)
{
    try
    {
        var commit = Processes.Run("git", ["log", "-1", "--format=%h"], root).Trim();
        var tags = Processes.Run("git", ["tag", "--points-at", "HEAD"], root).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var dirty = Processes.Run("git", ["status", "--porcelain", "--", "src"], root).Length > 0;
        return $"commit `{commit}`" + (tags.Length > 0 ? $" ({string.Join(", ", tags.Select(t => $"`{t}`"))})" : "")
                                    + (dirty ? " with uncommitted changes under `src/`" : "");
    }
    catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
    {
        return "not a git checkout";
    }
}
