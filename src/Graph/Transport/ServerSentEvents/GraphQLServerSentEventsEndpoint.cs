using System.Security.Claims;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Subscriptions;
using ETicket.Graph.Querying;
using ETicket.Graph.Telemetry;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Transport.ServerSentEvents;

/// <summary>
/// GraphQL over Server-Sent Events, the graphql-sse protocol's "distinct connections" mode: a POST
/// (or GET) to the GraphQL path with <c>Accept: text/event-stream</c> runs one operation and streams
/// its results. Problems with the HTTP request itself (token, body, limits) are answered as plain
/// HTTP errors before the stream opens; GraphQL errors (a document that does not parse or validate)
/// come through the stream as a <c>next</c> with errors, as the protocol requires.
/// </summary>
public sealed class GraphQLServerSentEventsEndpoint(
    GraphQLRequestReader reader,
    GraphQLExecutor executor,
    SubscriptionGroups groups,
    IGraphQLTextSerializer serializer,
    MemberConnections members,
    IOptions<SubscriptionOptions> options,
    IHostApplicationLifetime lifetime,
    GraphQLTelemetry telemetry,
    ILogger<GraphQLServerSentEventsEndpoint> logger)
{
    public Task HandlePostAsync(HttpContext http) => HandleAsync(http, isGet: false);

    /// <summary>For EventSource, which can only GET: the parameters in the query string, as GraphQL over HTTP's GET.</summary>
    public Task HandleGetAsync(HttpContext http) => HandleAsync(http, isGet: true);

    private async Task HandleAsync(HttpContext http, bool isGet)
    {
        using var operation = telemetry.Observe(GraphQLTransports.ServerSentEvents);
        ClaimsPrincipal? user;
        GraphQLHttpRequest request;
        GraphQLDocument? document;
        ExecutionError? parseError;
        IDisposable? memberPlace = null;
        try
        {
            user = await RequestAuthentication.AuthenticateAsync(http);
            request = isGet ? reader.ReadGet(http.Request.Query) : await reader.ReadPostAsync(http);
            if (executor.TryParse(request.Query, out document, out parseError))
                operation.Identify(document, request.OperationName);
            if (isGet && document is not null && OperationSelection.Selects(document, request.OperationName, OperationType.Mutation))
            {
                http.Response.Headers.Allow = "POST";
                throw new RequestProblem(StatusCodes.Status405MethodNotAllowed, "Mutations are sent with POST.");
            }
            if (user?.FindFirstValue(Viewer.MemberIdClaim) is { } memberId && (memberPlace = members.TryOpen(memberId)) is null)
            {
                throw new RequestProblem(StatusCodes.Status429TooManyRequests,
                    $"This member already has {members.Limit} live connections open; close one first.", ErrorCodes.TooManyConnections);
            }
        }
        catch (RequestProblem problem)
        {
            operation.End(problem);
            await ProblemResponse.WriteAsync(http, problem, MediaTypes.Json, serializer);
            return;
        }

        using (memberPlace)
        using (var stream = new ServerSentEventStream(http, options.Value, lifetime.ApplicationStopping, logger))
        {
            IDisposable? subscription = null;
            try
            {
                await stream.OpenAsync();
                subscription = await StartAsync(http, stream, request, document, parseError, user, operation);
                await stream.WriteAsync();
            }
            catch (OperationCanceledException) when (stream.Stopped.IsCancellationRequested)
            {
                // The client left before the stream opened or while the operation ran.
            }
            catch (Exception ex) when (http.Response.HasStarted && !stream.Stopped.IsCancellationRequested)
            {
                // The stream is open: say so in it, as a GraphQL error, rather than cut it off.
                logger.LogError(ex, "Event stream {ConnectionId} failed", http.Connection.Id);
                stream.End(ResultJson.ErrorsOf(serializer, ErrorCodes.InternalServerError, "Something went wrong on our side. Please try again later."));
                await stream.WriteAsync();
            }
            finally
            {
                subscription?.Dispose();
            }
        }
    }

    /// <summary>Starts the operation; its results go to <paramref name="stream"/>. Returns the subscription to end with the response.</summary>
    private async Task<IDisposable?> StartAsync(HttpContext http, ServerSentEventStream stream, GraphQLHttpRequest request, GraphQLDocument? document,
        ExecutionError? parseError, ClaimsPrincipal? user, ObservedOperation operation)
    {
        if (document is null)
        {
            Answer(stream, new ExecutionResult(parseError!), operation);
            return null;
        }
        if (OperationSelection.Selects(document, request.OperationName, OperationType.Subscription))
        {
            var outcome = await groups.SubscribeAsync(request, document, user, stream);
            if (outcome.Refusal is { } refusal)
                Answer(stream, refusal, operation);
            else
                operation.Streaming();
            return outcome.Subscription;
        }
        var result = await executor.ExecuteAsync(request, document, user, http.Connection.RemoteIpAddress, http.RequestServices, stream.Stopped);
        Answer(stream, result, operation);
        return null;
    }

    private void Answer(ServerSentEventStream stream, ExecutionResult result, ObservedOperation operation)
    {
        operation.End(result);
        stream.Single(ResultJson.Of(serializer, result));
    }
}
