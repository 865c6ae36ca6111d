using ETicket.Graph.Common;
using ETicket.Graph.Querying;
using ETicket.Graph.Telemetry;
using ETicket.Graph.Transport.Uploads;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace ETicket.Graph.Transport;

/// <summary>
/// GraphQL over HTTP (POST and GET) at one path: application/json and
/// application/graphql-response+json, with the status codes the spec gives for each. A POST may also
/// be a multipart request that carries files (<see cref="MultipartRequestReader"/>).
/// </summary>
public sealed class GraphQLHttpEndpoint(GraphQLRequestReader reader, MultipartRequestReader uploads, GraphQLExecutor executor, IGraphQLTextSerializer serializer, GraphQLTelemetry telemetry)
{
    private const string AllowedMethods = "GET, POST";

    public const string SubscriptionsElsewhere =
        "Subscriptions are served over WebSocket (subprotocol graphql-transport-ws) and Server-Sent Events (Accept: text/event-stream) at this address.";

    public Task HandlePostAsync(HttpContext http) => RespondAsync(http, isGet: false);

    public Task HandleGetAsync(HttpContext http)
    {
        if (!http.Request.Query.ContainsKey("query") && MediaTypes.WantsHtml(http.Request.Headers.Accept))
        {
            // A browser opening the API address: show the IDE.
            http.Response.Redirect(http.Request.PathBase + http.Request.Path + "/");
            return Task.CompletedTask;
        }
        return RespondAsync(http, isGet: true);
    }

    /// <summary>Any other method at the GraphQL path (PUT, DELETE, OPTIONS, ...).</summary>
    public Task HandleUnsupportedMethodAsync(HttpContext http)
    {
        http.Response.Headers.Allow = AllowedMethods;
        var problem = new RequestProblem(StatusCodes.Status405MethodNotAllowed, "Send GraphQL requests with GET or POST.");
        return WriteProblemAsync(http, problem, MediaTypes.Negotiate(http.Request.Headers.Accept) ?? MediaTypes.Json);
    }

    private async Task RespondAsync(HttpContext http, bool isGet)
    {
        using var operation = telemetry.Observe(GraphQLTransports.Http);
        var mediaType = MediaTypes.Negotiate(http.Request.Headers.Accept);
        try
        {
            if (mediaType is null)
                throw new RequestProblem(StatusCodes.Status406NotAcceptable, $"This endpoint answers {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            // Before the body is read: a stale token is refused however the rest of the request looks.
            var user = await RequestAuthentication.AuthenticateAsync(http);
            var request = isGet ? reader.ReadGet(http.Request.Query)
                : MediaTypes.IsMultipartRequest(http.Request.ContentType) ? await uploads.ReadAsync(http)
                : await reader.ReadPostAsync(http);

            if (!executor.TryParse(request.Query, out var document, out var parseError))
            {
                await WriteResultAsync(http, new ExecutionResult(parseError), mediaType, operation);
                return;
            }
            operation.Identify(document, request.OperationName);
            // A stream cannot be answered with one JSON body: say where subscriptions are served.
            if (OperationSelection.Selects(document, request.OperationName, OperationType.Subscription))
            {
                await WriteResultAsync(http, new ExecutionResult(ErrorCodes.Error(ErrorCodes.BadUserInput, SubscriptionsElsewhere)), mediaType, operation);
                return;
            }
            // GET must be safe: a link, a prefetch or a cache must never change anything.
            if (isGet && OperationSelection.Selects(document, request.OperationName, OperationType.Mutation))
            {
                http.Response.Headers.Allow = "POST";
                throw new RequestProblem(StatusCodes.Status405MethodNotAllowed, "Mutations are sent with POST.");
            }
            var result = await executor.ExecuteAsync(request, document, user, http.Connection.RemoteIpAddress, http.RequestServices, http.RequestAborted);
            await WriteResultAsync(http, result, mediaType, operation);
        }
        catch (RequestProblem problem)
        {
            operation.End(problem);
            await WriteProblemAsync(http, problem, mediaType ?? MediaTypes.Json);
        }
    }

    private Task WriteResultAsync(HttpContext http, ExecutionResult result, string mediaType, ObservedOperation operation)
    {
        operation.End(result);
        http.Response.StatusCode = StatusFor(result, mediaType);
        http.Response.ContentType = mediaType + "; charset=utf-8";
        return serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>
    /// application/json answers 200 to every well-formed request, as the clients that predate the spec expect.
    /// graphql-response+json says "not executed" with the status: 400 for a document or variables the
    /// client got wrong, 500 when our own failure stopped it before execution.
    /// </summary>
    private static int StatusFor(ExecutionResult result, string mediaType) =>
        mediaType != MediaTypes.GraphQLResponse || result.Executed ? StatusCodes.Status200OK
        : result.Errors?.Any(error => error is UnhandledError) == true ? StatusCodes.Status500InternalServerError
        : StatusCodes.Status400BadRequest;

    private Task WriteProblemAsync(HttpContext http, RequestProblem problem, string mediaType) =>
        ProblemResponse.WriteAsync(http, problem, mediaType, serializer);
}
