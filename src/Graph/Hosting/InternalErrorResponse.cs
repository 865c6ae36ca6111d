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
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
