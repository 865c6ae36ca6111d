using ETicket.Graph.Common;
using GraphQL;

namespace ETicket.Graph.Transport;

/// <summary>A request refused before execution: its status and a GraphQL-shaped body with the error's code.</summary>
public static class ProblemResponse
{
    public static Task WriteAsync(HttpContext http, RequestProblem problem, string mediaType, IGraphQLTextSerializer serializer)
    {
        http.Response.StatusCode = problem.Status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult(ErrorCodes.Error(problem.Code, problem.Message));
        return serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
