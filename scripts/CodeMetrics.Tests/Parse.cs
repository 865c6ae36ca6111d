using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeMetrics.Tests;

internal static class Parse
{
    public static SyntaxTree Tree(string code) =>
        CSharpSyntaxTree.ParseText(code, cancellationToken: TestContext.Current.CancellationToken);
}
