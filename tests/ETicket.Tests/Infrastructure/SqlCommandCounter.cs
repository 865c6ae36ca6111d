using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ETicket.Tests.Infrastructure;

/// <summary>
/// Records the SQL commands one platform server sends while serving requests (an EF Core interceptor in
/// that server only). Background work (event consumers, sweeps) runs outside any request and is left out.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    // The request of the current async flow, once the server registers an accessor (PlatformServer does).
    private readonly HttpContextAccessor _request = new();

    /// <summary>Commands since the last <see cref="Reset"/>, leaving out the outbox relay's background polling.</summary>
    public IReadOnlyList<string> Commands => [.. _commands.Where(c => !c.Contains("OutboxMessages", StringComparison.Ordinal))];

    public void Reset() => _commands.Clear();

    private void Record(DbCommand command)
    {
        if (_request.HttpContext is not null)
            _commands.Enqueue(command.CommandText);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
