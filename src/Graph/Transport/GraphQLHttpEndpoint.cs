using System.Buffers;
using ETicket.Graph.Common;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Transport;

/// <summary>
/// GraphQL over HTTP (POST and GET) at one path: application/json and
/// application/graphql-response+json, with the status codes the spec gives for each.
/// </summary>
public sealed class GraphQLHttpEndpoint(
    GraphQLRequestReader reader,
    GraphQLExecutor executor,
    IGraphQLTextSerializer serializer,
    IOptions<TransportOptions> options)
{
    public async Task HandlePostAsync(HttpContext http)
    {
        var mediaType = MediaTypes.Negotiate(http.Request.Headers.Accept);
        try
        {
            if (mediaType is null)
                throw new RequestProblem(StatusCodes.Status406NotAcceptable, $"This endpoint answers {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            if (!MediaTypes.IsJsonRequest(http.Request.ContentType))
                throw new RequestProblem(StatusCodes.Status415UnsupportedMediaType, $"Send the request as {MediaTypes.Json} (UTF-8).");
            var body = await ReadBodyAsync(http);
            var request = reader.FromJson(body);
            await ExecuteAsync(http, request, mediaType, parsedDocument: null);
        }
        catch (RequestProblem problem)
        {
            await WriteProblemAsync(http, problem, mediaType ?? MediaTypes.Json);
        }
    }

    public async Task HandleGetAsync(HttpContext http)
    {
        if (!http.Request.Query.ContainsKey("query") && MediaTypes.WantsHtml(http.Request.Headers.Accept))
        {
            // A browser opening the API address: show the IDE.
            http.Response.Redirect(http.Request.PathBase + http.Request.Path + "/");
            return;
        }
        var mediaType = MediaTypes.Negotiate(http.Request.Headers.Accept);
        try
        {
            if (mediaType is null)
                throw new RequestProblem(StatusCodes.Status406NotAcceptable, $"This endpoint answers {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            if (http.Request.QueryString.Value?.Length > options.Value.MaxRequestBytes)
                throw new RequestProblem(StatusCodes.Status414UriTooLong, $"The query string is longer than {options.Value.MaxRequestBytes} bytes; use POST.");
            var request = reader.FromQueryString(http.Request.Query);
            var document = TryParse(request.Query);
            if (document is not null && IsMutation(document, request.OperationName))
            {
                http.Response.Headers.Allow = "POST";
                throw new RequestProblem(StatusCodes.Status405MethodNotAllowed, "Mutations are sent with POST.");
            }
            await ExecuteAsync(http, request, mediaType, document);
        }
        catch (RequestProblem problem)
        {
            await WriteProblemAsync(http, problem, mediaType ?? MediaTypes.Json);
        }
    }

    private async Task ExecuteAsync(HttpContext http, GraphQLHttpRequest request, string mediaType, GraphQLDocument? parsedDocument)
    {
        var user = await AuthenticateAsync(http);
        var result = await executor.ExecuteAsync(request, user, http.RequestServices, http.RequestAborted, parsedDocument);
        // graphql-response+json says "not executed" with 400; application/json keeps 200 for GraphQL errors.
        http.Response.StatusCode = mediaType == MediaTypes.GraphQLResponse && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>
    /// No Authorization header: anonymous. A header that does not authenticate refuses the whole
    /// request with 401, even for operations anonymous users may run, so clients know to refresh.
    /// </summary>
    private static async Task<System.Security.Claims.ClaimsPrincipal?> AuthenticateAsync(HttpContext http)
    {
        if (!http.Request.Headers.ContainsKey("Authorization"))
            return null;
        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Succeeded)
            return result.Principal;
        http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        throw new RequestProblem(StatusCodes.Status401Unauthorized,
            "The access token is invalid or expired; refresh the session or sign in again.");
    }

    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContext http)
    {
        var limit = options.Value.MaxRequestBytes;
        if (http.Request.ContentLength > limit)
            throw TooLarge(limit);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit;

        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var read = await http.Request.Body.ReadAsync(buffer.GetMemory(4096), http.RequestAborted);
                if (read == 0)
                    break;
                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                    throw TooLarge(limit);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limit);
        }
        return buffer.WrittenMemory;
    }

    private static RequestProblem TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request is larger than {limit} bytes.");

    private async Task WriteProblemAsync(HttpContext http, RequestProblem problem, string mediaType)
    {
        http.Response.StatusCode = problem.Status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var code = problem.Status == StatusCodes.Status401Unauthorized ? ErrorCodes.Unauthenticated : ErrorCodes.BadUserInput;
        var result = new ExecutionResult { Errors = [ErrorCodes.Error(code, problem.Message)] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static GraphQLDocument? TryParse(string query)
    {
        try
        {
            return Parser.Parse(query);
        }
        catch (GraphQLParserException)
        {
            return null; // the executor reports the syntax error with its location
        }
    }

    private static bool IsMutation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var selected = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return selected?.Operation == OperationType.Mutation;
    }
}
