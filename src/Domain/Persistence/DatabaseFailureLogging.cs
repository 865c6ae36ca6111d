using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ETicket.Domain.Persistence;

public static class DatabaseFailureLogging
{
    /// <summary>
    /// EF Core logs a failed command, query, save or transaction at Error the moment it throws, before
    /// anyone knows whether the failure is expected: a duplicate key or a lost version race the domain
    /// turns into an answer, a deadlock the retrying strategy runs again (EF Core logs the retry at
    /// Information). Those events go to Debug. A failure nobody handles is logged at Error once, where
    /// it surfaces: by GraphQL's unhandled-exception handler for a field, ASP.NET Core's exception
    /// handler for a request, the event bus for a consumer.
    /// </summary>
    public static DbContextOptionsBuilder LogFailuresWhereHandled(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(events => events.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (RelationalEventId.TransactionError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug)));
}
