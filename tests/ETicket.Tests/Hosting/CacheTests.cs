using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Listings.Querying;
using ETicket.Domain.Members;
using ETicket.Domain.Persistence;
using ETicket.Domain.Persistence.QueryEngine;
using ETicket.Graph.Hosting;
using ETicket.Graph.Listings.Querying;
using ETicket.Graph.Members;
using ETicket.Graph.Schema;
using ETicket.Graph.Transport;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Hosting;

/// <summary>
/// The caches of docs/caches.md: each belongs to its host, and each that grows with what clients
/// send stops at its bound.
/// </summary>
public sealed class CacheTests
{
    [Fact]
    public async Task Every_host_keeps_its_own_caches()
    {
        var data = Directory.CreateTempSubdirectory("eticket-caches-").FullName;
        await using (var first = Build(data))
        await using (var second = Build(data))
        {
            Assert.All(
                new[]
                {
                    typeof(CompiledShapes<ETicketDbContext, Listing>), typeof(CompiledShapes<ETicketDbContext, Member>),
                    typeof(ListingSelection), typeof(MemberSelection), typeof(DocumentCache), typeof(GraphQL.Validation.IDocumentValidator),
                },
                type =>
                {
                    var mine = first.Services.GetRequiredService(type);
                    Assert.Same(mine, first.Services.GetRequiredService(type));
                    Assert.NotSame(mine, second.Services.GetRequiredService(type));
                });
        }
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public void Compiled_shapes_stop_at_their_bound_and_keep_serving_the_shapes_they_hold()
    {
        using var db = new RowsContext();
        var shapes = new CompiledShapes<RowsContext, Row>();
        var held = new List<CompiledShape<RowsContext, Row>>();
        for (var key = 0; key < CompiledShapes<RowsContext, Row>.MaxShapes + 100; key++)
        {
            if (shapes.TryGet(db, key, 0, AllRows) is { } compiled)
                held.Add(compiled);
        }

        Assert.Equal(CompiledShapes<RowsContext, Row>.MaxShapes, held.Count);
        Assert.Equal(CompiledShapes<RowsContext, Row>.MaxShapes, shapes.Count(db.Model));
        Assert.Same(held[0], shapes.TryGet(db, 0, 0, AllRows));
        Assert.Null(shapes.TryGet(db, -1, 0, AllRows));
        Assert.Equal(CompiledShapes<RowsContext, Row>.MaxShapes, shapes.Count(db.Model));
        // Another host's shapes are its own.
        Assert.Equal(0, new CompiledShapes<RowsContext, Row>().Count(db.Model));
    }

    [Fact]
    public void Orderings_are_made_once_each_and_there_are_as_many_as_fields_and_directions_allow()
    {
        ListingField[] sortable = [ListingField.Price, ListingField.StartsAt, ListingField.PublishedAt, ListingField.Title];
        var orders = Orders(sortable).ToList();
        var made = orders.Select(ListingOrderings.For).ToList();

        // 4 fields, each at most once, in any order, each either way: 4·2 + 12·4 + 24·8 + 24·16.
        Assert.Equal(632, orders.Count);
        Assert.Equal(632, made.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.All(orders.Zip(made), pair => Assert.Same(pair.Second, ListingOrderings.For([.. pair.First])));
        // Nothing else makes one.
        Assert.Throws<BadInputException>(() => ListingOrderings.For([new(ListingField.Price, false), new(ListingField.Price, true)]));
        Assert.Throws<BadInputException>(() => ListingOrderings.For([new(ListingField.City, false)]));

        static IEnumerable<IReadOnlyList<ListingSort>> Orders(IReadOnlyList<ListingField> fields) =>
            fields.SelectMany(field => new[] { false, true }.SelectMany(descending =>
            {
                var rest = fields.Where(f => f != field).ToList();
                var first = new ListingSort(field, descending);
                return Orders(rest).Select(tail => (IReadOnlyList<ListingSort>)[first, .. tail]).Prepend([first]);
            }));
    }

    [Fact]
    public async Task A_listing_selection_keeps_no_field_of_the_documents_it_read_alive()
    {
        var data = Directory.CreateTempSubdirectory("eticket-caches-").FullName;
        await using (var app = Build(data))
        {
            var schema = app.Services.GetRequiredService<ETicketSchema>();
            schema.Initialize();
            var selection = app.Services.GetRequiredService<ListingSelection>();

            var fields = Enumerable.Range(0, 100).Select(i => Select(selection, schema, i)).ToList();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            // Its entries are keyed by the fields of documents, and go with them.
            Assert.All(fields, field => Assert.False(field.IsAlive));
        }
        Directory.Delete(data, recursive: true);
    }

    /// <summary>Works out the columns of a document of its own and lets go of it; the connection field, weakly.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference Select(ListingSelection selection, ETicketSchema schema, int i)
    {
        var document = Parser.Parse($"{{ listings(first: {i + 1}) {{ nodes {{ title price }} }} }}");
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var field = operation.SelectionSet.Selections.OfType<GraphQLField>().Single();
        var context = new ResolveFieldContext { Schema = schema, Document = document, Operation = operation, FieldAst = field, FieldDefinition = schema.Query.GetField("listings")! };

        var columns = selection.Columns(context);

        Assert.Equal(ListingColumns.Title | ListingColumns.Price, columns & (ListingColumns.Title | ListingColumns.Price));
        Assert.Equal(columns, selection.Columns(context));
        return new WeakReference(field);
    }

    private static Microsoft.AspNetCore.Builder.WebApplication Build(string data) =>
        PlatformHost.Build(["--environment=Development", $"--ETicket:DataDirectory={data}"]);

    private static QueryShape AllRows(int _) =>
        new([], (context, _) => Expression.Property(context, nameof(RowsContext.Rows)));

    private sealed class Row
    {
        public int Id { get; set; }
    }

    /// <summary>A model only: nothing here opens the database.</summary>
    private sealed class RowsContext() : DbContext(new DbContextOptionsBuilder<RowsContext>().UseSqlite("Data Source=:memory:").Options)
    {
        public DbSet<Row> Rows => Set<Row>();
    }
}
