
namespace CodeMetrics.Tests;

public class MethodLengthsTests
{
    private const string Code = """
        namespace N;

        public class Outer
        {
            private static readonly Func<int, int> Twice = x =>
            {
                return x * 2;
            };

            public Outer()
            {
                Value = 1;
            }

            public int Value { get; set; }

            public int Double => Value * 2;

            public int Checked
            {
                get
                {
                    return Value;
                }
            }

            [Obsolete]
            public int Sum(int a, int b)
            {
                int Add()
                {

                    return a + b;
                }
                return Add();
            }

            public abstract class Inner
            {
                public abstract void Declared();

                public static Inner operator +(Inner a, Inner b) => a;
            }
        }
        """;

    [Fact]
    public void Measures_every_member_with_a_body_from_its_signature_without_blank_lines()
    {
        var lengths = MethodLengths.Measure(Parse.Tree(Code), "src/N/Outer.cs")
            .ToDictionary(m => m.Name, m => (m.Line, m.Lines));

        Assert.Equal((5, 4), lengths["Outer.Twice"]);
        Assert.Equal((10, 4), lengths["Outer.ctor"]);
        Assert.Equal((17, 1), lengths["Outer.Double"]);
        Assert.Equal((21, 4), lengths["Outer.Checked.get"]);
        Assert.Equal((28, 8), lengths["Outer.Sum"]); // the attribute line is not counted, nor the blank line
        Assert.Equal((30, 4), lengths["Outer.Sum.Add"]);
        Assert.Equal((42, 1), lengths["Outer.Inner.operator +"]);
        Assert.Equal(7, lengths.Count); // not the auto-property's accessors, not the abstract method
    }

    [Fact]
    public void Measures_top_level_statements_as_one()
    {
        var tree = Parse.Tree("using System;\n\nvar x = 1;\n\nConsole.WriteLine(x);\nreturn 0;\n");
        var method = Assert.Single(MethodLengths.Measure(tree, "Program.cs"));
        Assert.Equal(("<top-level statements>", 3, 3), (method.Name, method.Line, method.Lines));
    }
}
