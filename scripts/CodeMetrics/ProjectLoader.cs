using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeMetrics;

/// <summary>A project compiled in memory the way the build compiles it, source generators included.</summary>
internal sealed record LoadedProject(string ProjectFile, CSharpCompilation Compilation, int Generators, IReadOnlyList<Diagnostic> GeneratorDiagnostics);

/// <summary>
/// Builds one <see cref="CSharpCompilation"/> per project from the compiler command line that MSBuild's
/// design-time build produces (what IDEs and MSBuildWorkspace run): the exact sources (with the generated
/// global usings), every reference (NuGet packages, the framework's reference packs, project references),
/// defines, nullable context and source generators. Nothing is guessed or hard-coded, and nothing is compiled
/// to disk: only the restore and the design-time build write to the analysed tree, in its obj/ folders.
/// Project references are replaced by the referenced project's own in-memory compilation, so the analysis
/// never reads a stale build.
/// </summary>
internal static class ProjectLoader
{
    public static IReadOnlyList<LoadedProject> LoadAll(IReadOnlyList<string> projectFiles, string configuration)
    {
        var commandLines = projectFiles.ToDictionary(p => p, p => ReadCommandLine(p, configuration));
        var projectByAssembly = commandLines.ToDictionary(c => c.Value.CompilationName!, c => c.Key);
        var loaded = new Dictionary<string, LoadedProject>();

        LoadedProject Load(string projectFile)
        {
            if (loaded.TryGetValue(projectFile, out var done))
                return done;
            var args = commandLines[projectFile];
            var references = args.MetadataReferences.Select(MetadataReference (r) =>
            {
                var path = Path.GetFullPath(r.Reference, BaseDirectory(args));
                return projectByAssembly.TryGetValue(Path.GetFileNameWithoutExtension(path), out var other)
                    ? Load(other).Compilation.ToMetadataReference(r.Properties.Aliases)
                    : MetadataReference.CreateFromFile(path, r.Properties);
            });
            return loaded[projectFile] = Compile(projectFile, args, references.ToList());
        }

        return projectFiles.Select(Load).ToList();
    }

    private static LoadedProject Compile(string projectFile, CSharpCommandLineArguments args, IReadOnlyList<MetadataReference> references)
    {
        var trees = args.SourceFiles.Select(f =>
        {
            using var stream = File.OpenRead(f.Path);
            return CSharpSyntaxTree.ParseText(SourceText.From(stream, Encoding.UTF8), args.ParseOptions, f.Path);
        });
        // Warnings stay warnings here (the build's -warnaserror would turn them into errors): errors mean the analysis is unsound.
        var options = args.CompilationOptions.WithGeneralDiagnosticOption(ReportDiagnostic.Default);
        var compilation = CSharpCompilation.Create(args.CompilationName, trees, references, options);

        // Without the generators' output, code calling generated members ([GeneratedRegex], [LoggerMessage]) would not bind.
        var generators = args.AnalyzerReferences
            .Select(a => new AnalyzerFileReference(Path.GetFullPath(a.FilePath, BaseDirectory(args)), AnalyzerLoader.Instance))
            .SelectMany(a => a.GetGenerators(LanguageNames.CSharp))
            .ToList();
        CSharpGeneratorDriver.Create(generators, args.AdditionalFiles.Select(f => new FileText(f.Path)), args.ParseOptions, ConfigOptions.From(args))
            .RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out var generatorDiagnostics);
        return new LoadedProject(projectFile, (CSharpCompilation)withGenerated, generators.Count, generatorDiagnostics);
    }

    private static CSharpCommandLineArguments ReadCommandLine(string projectFile, string configuration)
    {
        // -restore: a fresh clone has no project.assets.json yet. BuildProjectReferences=false: references are compiled here.
        // NonExistentFile: an input of CoreCompile that never exists, so the target runs (and yields its command line) even
        // when the project was just built and its outputs are up to date — what MSBuildWorkspace does for IDEs.
        string[] msbuild =
        [
            "msbuild", projectFile, "-restore", "-nologo", "-t:Compile", $"-p:Configuration={configuration}",
            "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true",
            "-p:BuildProjectReferences=false", "-p:NonExistentFile=__NonExistentSubDir__/__NonExistentFile__", "-getItem:CscCommandLineArgs",
        ];
        var json = Processes.Run("dotnet", msbuild);
        using var document = JsonDocument.Parse(json);
        var args = document.RootElement.GetProperty("Items").GetProperty("CscCommandLineArgs").EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString()!)
            .ToList();
        var parsed = CSharpCommandLineParser.Default.Parse(args, Path.GetDirectoryName(projectFile)!, sdkDirectory: null);
        var error = parsed.Errors.FirstOrDefault(e => e.Severity == DiagnosticSeverity.Error);
        if (error is not null || parsed.CompilationName is null)
            throw new InvalidOperationException($"{Path.GetFileName(projectFile)}: unusable compiler command line: {error}");
        return parsed;
    }

    /// <summary>The project's folder: relative paths on the command line are relative to it.</summary>
    private static string BaseDirectory(CSharpCommandLineArguments args) => args.BaseDirectory!;

    /// <summary>
    /// The MSBuild properties and .editorconfig settings csc hands generators (build_property.RazorLangVersion, ...):
    /// without them some generators fail (the Razor generator does).
    /// </summary>
    private sealed class ConfigOptions(AnalyzerConfigSet configs) : AnalyzerConfigOptionsProvider
    {
        public static ConfigOptions From(CSharpCommandLineArguments args) =>
            new(AnalyzerConfigSet.Create(args.AnalyzerConfigPaths.Select(path => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(path)), path)).ToList()));

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(configs.GlobalConfigOptions.AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(configs.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText text) => new Values(configs.GetOptionsForSourcePath(text.Path).AnalyzerOptions);

        private sealed class Values(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(path));
    }

    /// <summary>Loads generator assemblies into this process; their dependencies are found beside them (Assembly.LoadFrom).</summary>
    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public static readonly AnalyzerLoader Instance = new();

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
