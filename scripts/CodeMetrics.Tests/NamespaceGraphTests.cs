namespace CodeMetrics.Tests;

public class NamespaceGraphTests
{
    [Fact]
    public void Finds_each_group_of_namespaces_that_reach_each_other()
    {
        var graph = new NamespaceGraph();
        graph.AddUse("A", "B", "a.cs", "B1");
        graph.AddUse("B", "C", "b.cs", "C1");
        graph.AddUse("C", "A", "c.cs", "A1");
        graph.AddUse("C", "D", "c.cs", "D1");
        graph.AddUse("D", "E", "d.cs", "E1");
        graph.AddUse("E", "D", "e.cs", "D1");
        graph.AddUse("F", "A", "f.cs", "A1");

        var cycles = graph.Cycles();

        Assert.Equal([["A", "B", "C"], ["D", "E"]], cycles.Select(c => c.ToArray()).ToArray());
    }

    [Fact]
    public void A_layered_graph_has_no_cycles_and_a_namespace_does_not_use_itself()
    {
        var graph = new NamespaceGraph();
        graph.AddUse("Graph", "Domain", "g.cs", "Listing");
        graph.AddUse("Domain", "Domain", "d.cs", "Listing");
        graph.AddUse("Search", "Domain", "s.cs", "Listing");

        Assert.Empty(graph.Cycles());
        Assert.Empty(graph.UsesOf("Domain"));
    }

    [Fact]
    public void Keeps_the_first_example_of_each_file()
    {
        var graph = new NamespaceGraph();
        graph.AddUse("A", "B", "z.cs", "Late");
        graph.AddUse("A", "B", "a.cs", "First");
        graph.AddUse("A", "B", "a.cs", "Second");

        Assert.Equal([new("a.cs", "First"), new("z.cs", "Late")], graph.UsesOf("A")["B"].ToArray());
    }
}
