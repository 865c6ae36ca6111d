using ETicket.Domain.Events;
using ETicket.Domain.Persistence;

namespace ETicket.Graph.Search;

/// <summary>
/// <c>dotnet run --project src/Graph -- search reindex [settings]</c>: asks for fresh search indexes.
/// The request goes through the outbox, so it reaches every process serving tickets on this
/// database, running now or started later; each rebuilds beside its live index, which keeps
/// answering, and switches when done (docs/search.md).
/// </summary>
public static class SearchReindexCommand
{
    public static bool Matches(string[] args) => args is ["search", "reindex", ..];

    /// <summary>The settings after the command's words, for the host that runs it.</summary>
    public static string[] Settings(string[] args) => args[2..];

    /// <summary>Runs the command in a host built from <see cref="Settings"/>, its database migrated.</summary>
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var request = await RequestAsync(services, CancellationToken.None);
        Console.WriteLine($"Reindex requested (outbox #{request}). Every process serving tickets on this database rebuilds its search index "
                          + "beside the live one and switches when done (its log says \"The search index was rebuilt\"); one not running now does it when it starts.");
        return 0;
    }

    /// <summary>Records the request; returns its outbox row.</summary>
    public static async Task<long> RequestAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
        var message = OutboxMessage.For(new SearchReindexRequested(), services.GetRequiredService<TimeProvider>().GetUtcNow());
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return message.Id;
    }
}
