using ETicket.Domain.Listings;
using ETicket.Domain.Members;
using ETicket.Graph.Hosting;
using ETicket.Graph.Listings;
using ETicket.Graph.Members;
using ETicket.Graph.Querying;
using ETicket.Graph.Schema;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Querying;

/// <summary>
/// Listings and members load the columns their fields declare they read (FieldReads): a field with no
/// declaration would load every column of every row, unnoticed, so each one must have one.
/// </summary>
public sealed class FieldReadsTests
{
    [Theory]
    [InlineData(GraphRole.AllInOne)]
    [InlineData(GraphRole.Members)]
    [InlineData(GraphRole.Tickets)]
    public async Task Every_field_of_Listing_and_Member_declares_the_properties_it_reads(GraphRole role)
    {
        var data = Directory.CreateTempSubdirectory("eticket-reads-").FullName;
        await using (var app = PlatformHost.Build(["--environment=Development", $"--ETicket:DataDirectory={data}", $"--ETicket:Role={role}"]))
        {
            var schema = app.Services.GetRequiredService<ETicketSchema>();
            schema.Initialize();
            (string Name, Type Source)[] loaded = new SchemaRole(role).ServesTickets
                ? [(ListingType.TypeName, typeof(Listing)), (MemberType.TypeName, typeof(Member))]
                : [(MemberType.TypeName, typeof(Member))];

            foreach (var (name, source) in loaded)
            {
                var type = Assert.IsAssignableFrom<IComplexGraphType>(schema.AllTypes[name]);
                Assert.All(type.Fields, field => Assert.True(FieldReads.IsDeclared(field), $"{name}.{field.Name} declares no Reads(...)"));
                Assert.All(FieldReads.Of(type), field => Assert.All(field.Value, property =>
                    Assert.True(source.GetProperty(property) is not null, $"{name}.{field.Key} reads {property}, which {source.Name} does not have")));
            }
        }
        Directory.Delete(data, recursive: true);
    }
}
