using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeMetrics;

/// <summary>A member with a body: where it starts (1-based line), its name as Type.Member, and its non-blank lines.</summary>
internal sealed record MethodLength(string Path, int Line, string Name, int Lines);

/// <summary>
/// Measures every piece of code with a body: methods, constructors, finalizers, operators, accessors,
/// expression-bodied properties and indexers, local functions, lambdas assigned to fields or properties,
/// and top-level statements. An outer member's lines include the local functions and lambdas inside it.
/// </summary>
internal static class MethodLengths
{
    public static IEnumerable<MethodLength> Measure(SyntaxTree tree, string path)
    {
        var root = tree.GetCompilationUnitRoot();
        var text = tree.GetText();
        foreach (var node in root.DescendantNodes().Where(HasBody))
        {
            var start = StartAfterAttributes(node);
            yield return new MethodLength(path, text.Lines.GetLineFromPosition(start).LineNumber + 1, QualifiedName(node),
                NonBlankLines(text, start, node.Span.End));
        }

        var statements = root.Members.OfType<GlobalStatementSyntax>().ToList();
        if (statements.Count > 0)
        {
            var start = statements[0].SpanStart;
            yield return new MethodLength(path, text.Lines.GetLineFromPosition(start).LineNumber + 1, "<top-level statements>",
                NonBlankLines(text, start, statements[^1].Span.End));
        }
    }

    private static bool HasBody(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax m => m.Body is not null || m.ExpressionBody is not null,
        AccessorDeclarationSyntax a => a.Body is not null || a.ExpressionBody is not null,
        PropertyDeclarationSyntax p => p.ExpressionBody is not null || IsLambda(p.Initializer?.Value),
        IndexerDeclarationSyntax i => i.ExpressionBody is not null,
        LocalFunctionStatementSyntax => true,
        VariableDeclaratorSyntax v => v.Parent?.Parent is FieldDeclarationSyntax && IsLambda(v.Initializer?.Value),
        _ => false,
    };

    private static bool IsLambda(ExpressionSyntax? value) =>
        value is LambdaExpressionSyntax or AnonymousMethodExpressionSyntax;

    /// <summary>Type.Member, with enclosing types and members: Outer.Inner.Method.LocalFunction, ListingType.ctor, Order.Total.get.</summary>
    internal static string QualifiedName(SyntaxNode node) =>
        string.Join('.', node.AncestorsAndSelf().Select(OwnName).OfType<string>().Reverse());

    private static string? OwnName(SyntaxNode node) => node switch
    {
        BaseTypeDeclarationSyntax t => t.Identifier.Text,
        MethodDeclarationSyntax m => m.Identifier.Text,
        ConstructorDeclarationSyntax c => c.Modifiers.Any(SyntaxKind.StaticKeyword) ? "cctor" : "ctor",
        DestructorDeclarationSyntax => "finalizer",
        OperatorDeclarationSyntax o => $"operator {o.OperatorToken.Text}",
        ConversionOperatorDeclarationSyntax c => $"{c.ImplicitOrExplicitKeyword.Text} operator {c.Type}",
        PropertyDeclarationSyntax p => p.Identifier.Text,
        IndexerDeclarationSyntax => "this[]",
        EventDeclarationSyntax e => e.Identifier.Text,
        AccessorDeclarationSyntax a => a.Keyword.Text,
        LocalFunctionStatementSyntax f => f.Identifier.Text,
        VariableDeclaratorSyntax v when v.Parent?.Parent is FieldDeclarationSyntax => v.Identifier.Text,
        GlobalStatementSyntax => "<top-level statements>",
        _ => null,
    };

    /// <summary>Attributes are metadata, not code: a member is measured from its modifiers or signature.</summary>
    private static int StartAfterAttributes(SyntaxNode node)
    {
        var attributes = node switch
        {
            MemberDeclarationSyntax m => m.AttributeLists,
            AccessorDeclarationSyntax a => a.AttributeLists,
            LocalFunctionStatementSyntax f => f.AttributeLists,
            _ => default,
        };
        return attributes.Count == 0 ? node.SpanStart : attributes[^1].GetLastToken().GetNextToken().SpanStart;
    }

    private static int NonBlankLines(SourceText text, int start, int end)
    {
        var first = text.Lines.GetLineFromPosition(start).LineNumber;
        var last = text.Lines.GetLineFromPosition(Math.Max(start, end - 1)).LineNumber;
        return Enumerable.Range(first, last - first + 1).Count(i => !string.IsNullOrWhiteSpace(text.Lines[i].ToString()));
    }
}
