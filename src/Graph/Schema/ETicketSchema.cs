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
        // Files are uploaded to the tickets module (ticket pictures). Registered even while no field
        // takes one, since GraphQL.NET serves only the types it can reach otherwise: the IDE offers
        // file uploads when the schema has Upload, and Hive Gateway needs it in the subgraph's SDL.
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
