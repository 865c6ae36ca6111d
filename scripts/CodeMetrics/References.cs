using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeMetrics;

/// <summary>
/// A name in the code, the namespace the code sits in, and the type the name depends on: the type it names,
/// or the type declaring the member it names. Example is what a reader would search for (Listing, DbContext.Set).
/// </summary>
internal readonly record struct TypeReference(string FromNamespace, INamedTypeSymbol Type, string Example);

internal static class References
{
    public const string GlobalNamespace = "(global namespace)";

    /// <summary>
    /// Every name in a file, bound by the compiler. Code reaches another type only by naming it or one of its
    /// members (member access, extension method, attribute, `var`, target-typed `new()`), so this sees what a
    /// file depends on, including what it reaches without a using directive (its parent namespaces, global usings).
    /// Not counted: types reached only through operators, conversions, foreach or deconstruction.
    /// </summary>
    public static IEnumerable<TypeReference> In(SemanticModel model)
    {
        var namespaceNames = new Dictionary<SyntaxNode, string>();
        foreach (var node in model.SyntaxTree.GetRoot().DescendantNodes())
        {
            if (node is not (SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax))
                continue;
            var info = model.GetSymbolInfo(node);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            if (symbol is null || DeclaringType(symbol) is not { } type)
                continue;
            yield return new TypeReference(NamespaceAt(node, model, namespaceNames), type, Example(symbol, type));
        }
    }

    internal static INamedTypeSymbol? DeclaringType(ISymbol symbol) => symbol switch
    {
        IAliasSymbol alias => DeclaringType(alias.Target),
        IArrayTypeSymbol array => DeclaringType(array.ElementType),
        IPointerTypeSymbol pointer => DeclaringType(pointer.PointedAtType),
        INamedTypeSymbol { TypeKind: TypeKind.Error } or INamedTypeSymbol { IsAnonymousType: true } => null,
        INamedTypeSymbol type => type.OriginalDefinition,
        IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } => null,
        IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => symbol.ContainingType is { IsAnonymousType: false } t
            ? t.OriginalDefinition
            : null,
        _ => null, // namespaces, locals, parameters, type parameters, labels
    };

    public static string NamespaceOf(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : GlobalNamespace;

    private static string NamespaceAt(SyntaxNode node, SemanticModel model, Dictionary<SyntaxNode, string> cache)
    {
        var declaration = node.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>();
        if (declaration is null)
            return GlobalNamespace;
        if (!cache.TryGetValue(declaration, out var name))
            cache[declaration] = name = model.GetDeclaredSymbol(declaration)!.ToDisplayString();
        return name;
    }

    private static string Example(ISymbol symbol, INamedTypeSymbol type) =>
        symbol is INamedTypeSymbol or IMethodSymbol { MethodKind: MethodKind.Constructor } or IAliasSymbol
            ? type.Name
            : $"{type.Name}.{symbol.Name}";
}
