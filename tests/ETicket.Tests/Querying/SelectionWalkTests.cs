using ETicket.Graph.Querying;
using GraphQLParser;
using GraphQLParser.AST;

namespace ETicket.Tests.Querying;

/// <summary>The one rule every walker of a document's selections meets fragments with (SelectionWalk).</summary>
public sealed class SelectionWalkTests
{
    [Fact]
    public void A_fragment_spread_twice_is_walked_once_and_counted_at_each_spread()
    {
        var walk = new FieldCount("{ a ...F b { ...F } } fragment F on Query { c d }");

        Assert.Equal(6, walk.Run());
        Assert.Equal(["a", "c", "d", "b"], walk.Visited);
    }

    [Theory]
    [InlineData("{ ...F } fragment F on Query { a ...F }", 1)]
    [InlineData("{ ...F } fragment F on Query { a ...G } fragment G on Query { b ...F }", 2)]
    [InlineData("{ x { ...F } } fragment F on X { a y { ...F ... on X { ...F } } }", 3)]
    public void A_fragment_that_spreads_itself_ends_the_walk_and_adds_nothing_there(string query, int fields)
    {
        var walk = new FieldCount(query);

        Assert.Equal(fields, walk.Run());
        Assert.Equal(fields, walk.Visited.Count);
    }

    [Fact]
    public void Directives_are_read_on_every_spread_and_once_on_the_fragment()
    {
        var walk = new FieldCount("{ ...F @a ... @b { x } ...F @c } fragment F on Query @d { y }");

        walk.Run();

        Assert.Equal(["a", "d", "b", "c"], walk.DirectivesRead);
    }

    [Fact]
    public void A_spread_of_a_fragment_the_document_does_not_define_adds_what_the_walker_says()
    {
        Assert.Equal(1 + 100, new FieldCount("{ a ...Nowhere }").Run());
    }

    /// <summary>Counts fields as written out, remembering each field and directive it meets.</summary>
    private sealed class FieldCount : SelectionWalk<ValueTuple, int>
    {
        private readonly GraphQLDocument _document;

        public FieldCount(string query) : this(Parser.Parse(query))
        {
        }

        private FieldCount(GraphQLDocument document) : base(document) => _document = document;

        public List<string> Visited { get; } = [];
        public List<string> DirectivesRead { get; } = [];

        public int Run() => Of(_document.Definitions.OfType<GraphQLOperationDefinition>().Single().SelectionSet, default);

        protected override int Field(GraphQLField field, ValueTuple _)
        {
            Visited.Add(field.Name.StringValue);
            return 1 + Of(field.SelectionSet, default);
        }

        protected override int Directives(IHasDirectivesNode node)
        {
            DirectivesRead.AddRange(node.Directives?.Items.Select(d => d.Name.StringValue) ?? []);
            return 0;
        }

        protected override int Missing(GraphQLFragmentSpread spread) => 100;

        protected override int Combine(int folded, int next) => folded + next;
    }
}
