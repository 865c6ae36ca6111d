using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeMetrics.Tests;

public class ReferencesTests
{
    // The tests' own runtime stands in for the reference packs: enough to bind System.* names.
    private static readonly MetadataReference[] Runtime = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Select(path => MetadataReference.CreateFromFile(path))
        .ToArray();

    private static List<TypeReference> ReferencesIn(string code, params string[] otherFiles)
    {
        var trees = new[] { code }.Concat(otherFiles).Select(Parse.Tree).ToList();
        var compilation = CSharpCompilation.Create("T", trees, Runtime, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error));
        return References.In(compilation.GetSemanticModel(trees[0])).ToList();
    }

    [Fact]
    public void Sees_a_parent_namespaces_type_used_without_a_using_directive()
    {
        var references = ReferencesIn(
            "namespace Shop.Orders { class Order { Listing? listing; } }",
            "namespace Shop { class Listing { } }");

        var listing = Assert.Single(references, r => r.Type.Name == "Listing");
        Assert.Equal(("Shop.Orders", "Shop", "Listing"), (listing.FromNamespace, References.NamespaceOf(listing.Type), listing.Example));
    }

    [Fact]
    public void Counts_the_type_declaring_a_used_member_and_ignores_an_unused_using()
    {
        var references = ReferencesIn(
            """
            using Shop.Unused;
            namespace Shop.Orders { class Order { int Max() => Shop.Rules.Limits.Max; } }
            """,
            "namespace Shop.Rules { static class Limits { public const int Max = 3; } }",
            "namespace Shop.Unused { class Nothing { } }");

        Assert.Contains(references, r => r.Type.Name == "Limits" && r.Example == "Limits.Max");
        Assert.DoesNotContain(references, r => References.NamespaceOf(r.Type) == "Shop.Unused");
    }

    [Fact]
    public void Sees_extension_methods_target_typed_new_and_var()
    {
        var references = ReferencesIn(
            """
            using Shop.Money;

            namespace Shop.Orders
            {
                class Order
                {
                    void M()
                    {
                        Price p = new();
                        var q = Prices.Zero();
                        q.Doubled();
                    }
                }
            }
            """,
            """
            namespace Shop.Money
            {
                public class Price { }
                public static class Prices { public static Price Zero() => new(); }
                public static class PriceExtensions { public static Price Doubled(this Price p) => p; }
            }
            """);

        var names = references.Select(r => r.Example).ToHashSet();
        Assert.Contains("PriceExtensions.Doubled", names);
        Assert.Contains("Prices.Zero", names);
        Assert.True(references.Count(r => r.Type.Name == "Price") >= 3); // the declared type, new(), var
    }

    [Fact]
    public void Classifies_infrastructure_by_namespace_and_by_assembly()
    {
        var references = ReferencesIn("namespace Shop { class Client { System.Net.Http.HttpClient? http; } }");
        var http = Infrastructure.All.Single(i => i.Name == "HTTP");

        Assert.Contains(references, r => http.IsUsedBy(r.Type));
        Assert.True(http.IsImportedBy("System.Net.Http.Json"));
        Assert.False(http.IsImportedBy("System.Net.HttpListenerShim"));
    }
}
