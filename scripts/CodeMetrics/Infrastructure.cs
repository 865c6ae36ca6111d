using Microsoft.CodeAnalysis;

namespace CodeMetrics;

/// <summary>
/// A kind of infrastructure the domain should not touch, recognised by namespace (for types and using
/// directives) and by assembly (for what an assembly declares elsewhere, e.g. EF Core's AddDbContext in
/// Microsoft.Extensions.DependencyInjection, or EF's UseSqlite in namespace Microsoft.EntityFrameworkCore).
/// </summary>
internal sealed record Infrastructure(string Name, string[] Namespaces, string[] Assemblies)
{
    public static readonly IReadOnlyList<Infrastructure> All =
    [
        new("EF Core", ["Microsoft.EntityFrameworkCore", "Pomelo.EntityFrameworkCore"], ["Microsoft.EntityFrameworkCore", "Pomelo.EntityFrameworkCore"]),
        new("Redis", ["StackExchange.Redis"], ["StackExchange.Redis"]),
        new("SQLite", ["Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite", "SQLitePCL"], ["Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite", "SQLitePCLRaw"]),
        new("HTTP", ["System.Net.Http", "Microsoft.AspNetCore.Http", "Microsoft.Extensions.Http"], ["System.Net.Http", "Microsoft.AspNetCore.Http", "Microsoft.Extensions.Http"]),
    ];

    public bool IsUsedBy(INamedTypeSymbol type) =>
        Namespaces.Any(prefix => IsWithin(References.NamespaceOf(type), prefix))
        || (type.ContainingAssembly is { } assembly && Assemblies.Any(prefix => IsWithin(assembly.Name, prefix)));

    /// <summary>A using directive's namespace or type name (aliases and `using static` included).</summary>
    public bool IsImportedBy(string name) => Namespaces.Any(prefix => IsWithin(name, prefix));

    /// <summary>Dotted-name prefix: System.Net.Http covers System.Net.Http.Json, not System.Net.HttpListener.</summary>
    public static bool IsWithin(string name, string prefix) =>
        name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);
}
