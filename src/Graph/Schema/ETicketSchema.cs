using ETicket.Graph.Transport.Uploads;

namespace ETicket.Graph.Schema;

/// <summary>The schema of this process: all-in-one, or one subgraph, depending on the registered modules.</summary>
public sealed class ETicketSchema : GraphQL.Types.Schema
{
    public ETicketSchema(IServiceProvider services, QueryType query, IEnumerable<IFieldContributor<MutationType>> mutations,
        IEnumerable<IFieldContributor<SubscriptionType>> subscriptions)
        : base(services)
    {
        // The contract's scalars replace GraphQL.NET's built-ins of the same names.
        RegisterTypeMapping(typeof(decimal), typeof(DecimalScalar));
        RegisterTypeMapping(typeof(DateTimeOffset), typeof(DateTimeScalar));
        // Files are uploaded to the tickets module (ticket pictures); the mapping lets an input
        // property of type UploadedFile be declared without naming the scalar.
        if (services.GetRequiredService<SchemaRole>().ServesTickets)
        {
            RegisterTypeMapping(typeof(UploadedFile), typeof(UploadScalar));
            RegisterType(typeof(UploadScalar));
        }
        Query = query;
        if (mutations.Any())
            Mutation = services.GetRequiredService<MutationType>();
        if (subscriptions.Any())
            Subscription = services.GetRequiredService<SubscriptionType>();
    }
}
