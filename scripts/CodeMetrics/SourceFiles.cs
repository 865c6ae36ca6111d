namespace CodeMetrics;

/// <summary>One C# file under src/: its path from the repository root (always with '/') and its non-blank lines.</summary>
internal sealed record SourceFile(string Path, int Lines, bool IsMigration)
{
    public string Folder => Path[..Path.LastIndexOf('/')];

    /// <summary>The top-level project folder, e.g. src/Domain.</summary>
    public string Project => string.Join('/', Path.Split('/').Take(2));
}

internal static class SourceFiles
{
    /// <summary>Every .cs file under root/src except build output; EF migrations are kept but marked (reported apart).</summary>
    public static IReadOnlyList<SourceFile> Find(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(full => RelativePath(root, full))
            .Where(path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceFile(path, CountLines(File.ReadAllText(Path.Combine(root, path))), IsMigration(path)))
            .ToList();

    public static string RelativePath(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    public static bool IsBuildOutput(string path) =>
        InFolderNamed(path, "obj") || InFolderNamed(path, "bin") || InFolderNamed(path, "node_modules");

    /// <summary>EF migrations are generated code: counting them would swamp what a refactoring changes.</summary>
    public static bool IsMigration(string path) => InFolderNamed(path, "Migrations");

    /// <summary>Non-blank lines: formatting (blank lines) neither grows nor shrinks a file.</summary>
    public static int CountLines(string text) => text.Split('\n').Count(line => !string.IsNullOrWhiteSpace(line));

    private static bool InFolderNamed(string path, string name) => path.Split('/').SkipLast(1).Contains(name);
}
