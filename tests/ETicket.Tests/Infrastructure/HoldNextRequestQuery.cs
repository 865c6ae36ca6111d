using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ETicket.Tests.Infrastructure;

/// <summary>
/// Holds the next query a request sends until that request is aborted (its client left), so a test can
/// stage a client that disconnects while its operation runs. Register it as an <see cref="IInterceptor"/>
/// of the server, then <see cref="Arm"/> it. Background work (outbox relay, sweeps) is never held.
/// </summary>
public sealed class HoldNextRequestQuery : DbCommandInterceptor
{
    // The request of the current async flow, once the server registers an accessor (PlatformServer does).
    private readonly HttpContextAccessor _request = new();
    private TaskCompletionSource? _reached;

    /// <summary>Holds the next request's query; the task completes once it is being held.</summary>
    public Task Arm()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _reached = reached;
        return reached.Task;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_request.HttpContext is { } http && Interlocked.Exchange(ref _reached, null) is { } reached)
        {
            reached.SetResult();
            // Bounded, so a test whose client never leaves fails instead of hanging.
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client left: the query goes on, and meets the request's cancelled token.
            }
        }
        return result;
    }
}
