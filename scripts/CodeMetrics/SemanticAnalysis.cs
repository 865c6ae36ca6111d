using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeMetrics;

/// <summary>For one file of the infrastructure folder: what its code uses (bound names) and what its using directives import.</summary>
internal sealed record FileInfrastructure(string Path, IReadOnlyList<string> Used, IReadOnlyList<string> Imported);

/// <summary>How sound a project's compilation is: errors mean some names did not bind and their uses are missing.</summary>
internal sealed record CompilationHealth(string Project, int Files, int Generators, int Errors, int Unresolved, int Warnings, IReadOnlyList<string> FirstErrors);

internal sealed record SemanticResult(
    NamespaceGraph Graph,
    IReadOnlyList<FileInfrastructure> InfrastructureUse,
    IReadOnlyList<CompilationHealth> Health,
    IReadOnlyList<string> NotCompiled);

internal static class SemanticAnalysis
{
    /// <summary>Compiler errors that mean a name did not bind (missing type, member, namespace, reference or generated code).</summary>
    private static readonly HashSet<string> UnresolvedIds =
        ["CS0012", "CS0103", "CS0117", "CS0234", "CS0246", "CS0400", "CS0426", "CS0518", "CS1061", "CS1069", "CS8795"];

    /// <param name="measured">The files to analyse (paths from the root); the rest of a compilation (generated code, migrations) only helps binding.</param>
    public static SemanticResult Run(string root, IReadOnlyList<LoadedProject> projects, IReadOnlySet<string> measured, string infrastructureFolder)
    {
        var ourAssemblies = projects.Select(p => p.Compilation.AssemblyName).ToHashSet();
        var graph = new NamespaceGraph();
        var infrastructure = new List<FileInfrastructure>();
        var seen = new HashSet<string>();

        foreach (var compilation in projects.Select(p => p.Compilation))
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                var path = SourceFiles.RelativePath(root, tree.FilePath);
                if (!measured.Contains(path) || !seen.Add(path))
                    continue;
                var model = compilation.GetSemanticModel(tree);
                var syntax = tree.GetCompilationUnitRoot();
                foreach (var declaration in syntax.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
                    graph.AddFile(model.GetDeclaredSymbol(declaration)!.ToDisplayString(), path);
                if (syntax.Members.Any(m => m is not BaseNamespaceDeclarationSyntax))
                    graph.AddFile(References.GlobalNamespace, path);

                var references = References.In(model).ToList();
                foreach (var reference in references.Where(r => ourAssemblies.Contains(r.Type.ContainingAssembly?.Name)))
                    graph.AddUse(reference.FromNamespace, References.NamespaceOf(reference.Type), path, reference.Example);

                if (path.StartsWith(infrastructureFolder + "/", StringComparison.Ordinal))
                {
                    var usings = syntax.DescendantNodes().OfType<UsingDirectiveSyntax>()
                        .Select(u => u.NamespaceOrType.ToString().Replace("global::", "", StringComparison.Ordinal))
                        .ToList();
                    infrastructure.Add(new FileInfrastructure(path,
                        Infrastructure.All.Where(i => references.Any(r => i.IsUsedBy(r.Type))).Select(i => i.Name).ToList(),
                        Infrastructure.All.Where(i => usings.Any(i.IsImportedBy)).Select(i => i.Name).ToList()));
                }
            }
        }

        var health = projects.Select(p => Health(root, p)).ToList();
        var notCompiled = measured.Where(p => !seen.Contains(p)).Order(StringComparer.Ordinal).ToList();
        return new SemanticResult(graph, infrastructure.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(), health, notCompiled);
    }

    private static CompilationHealth Health(string root, LoadedProject project)
    {
        // A generator that failed (CS8784, CS8785) reports here, not in the compilation.
        var diagnostics = project.GeneratorDiagnostics.Concat(project.Compilation.GetDiagnostics()).ToList();
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return new CompilationHealth(
            SourceFiles.RelativePath(root, project.ProjectFile),
            project.Compilation.SyntaxTrees.Count(),
            project.Generators,
            errors.Count,
            errors.Count(e => UnresolvedIds.Contains(e.Id)),
            diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning),
            errors.Take(10).Select(e => Describe(root, e)).ToList());
    }

    /// <summary>path(line,col): CS0246 message, with the path from the root (no machine path in the report).</summary>
    private static string Describe(string root, Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource && diagnostic.Location.Kind != LocationKind.ExternalFile)
            return $"{diagnostic.Id} {diagnostic.GetMessage()}";
        var span = diagnostic.Location.GetLineSpan();
        var path = Path.IsPathRooted(span.Path) ? SourceFiles.RelativePath(root, span.Path) : span.Path;
        if (path.StartsWith("..", StringComparison.Ordinal))
            path = Path.GetFileName(path);
        return $"{path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id} {diagnostic.GetMessage()}";
    }
}
