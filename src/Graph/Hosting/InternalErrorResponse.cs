using ETicket.Graph.Common;
using GraphQL;

namespace ETicket.Graph.Hosting;

/// <summary>The last resort for a failure outside GraphQL execution: a GraphQL-shaped error, never internals.</summary>
public static class InternalErrorResponse
{
    public static async Task WriteAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        http.Response.ContentType = "application/json; charset=utf-8";
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var result = new ExecutionResult
        {
            Errors = [ErrorCodes.Error(ErrorCodes.InternalServerError, $"Something went wrong on our side (trace {http.TraceIdentifier}).")],
        };
        // Not cancelled with the request: a client that has left makes the write a no-op, where a
        // cancelled write would fail the handler and log our failure a second time.
        await serializer.WriteAsync(http.Response.Body, result, CancellationToken.None);
    }
}
