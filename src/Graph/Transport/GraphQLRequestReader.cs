using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Http;

namespace ETicket.Graph.Transport;

/// <summary>One GraphQL request as the transport received it.</summary>
public sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);

/// <summary>Why a request could not be read, and the HTTP status that says so.</summary>
public sealed class RequestProblem(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>Reads the GraphQL over HTTP request parameters from a JSON body or a query string.</summary>
public sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer)
{
    public GraphQLHttpRequest FromJson(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
            throw new RequestProblem(StatusCodes.Status400BadRequest, "The request body is empty; send a JSON object with a `query`.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new RequestProblem(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new RequestProblem(StatusCodes.Status400BadRequest, "The request body must be a JSON object with a `query` (batches are not supported).");
            return new GraphQLHttpRequest(
                Query: RequiredString(root, "query"),
                OperationName: OptionalString(root, "operationName"),
                Variables: OptionalMap(root, "variables"),
                Extensions: OptionalMap(root, "extensions"));
        }
    }

    public GraphQLHttpRequest FromQueryString(IQueryCollection query)
    {
        if (!query.TryGetValue("query", out var text) || string.IsNullOrEmpty(text))
            throw new RequestProblem(StatusCodes.Status400BadRequest, "Send the document in the `query` parameter.");
        return new GraphQLHttpRequest(
            Query: text.ToString(),
            OperationName: NullIfEmpty(query["operationName"]),
            Variables: JsonMapParameter(query, "variables"),
            Extensions: JsonMapParameter(query, "extensions"));
    }

    private static string RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new RequestProblem(StatusCodes.Status400BadRequest, value.ValueKind == JsonValueKind.Undefined
                ? $"The request has no `{name}`."
                : $"`{name}` must be a string.");

    private static string? OptionalString(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new RequestProblem(StatusCodes.Status400BadRequest, $"`{name}` must be a string or null.");

    private Inputs? OptionalMap(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Object ? serializer.ReadNode<Inputs>(value)
        : throw new RequestProblem(StatusCodes.Status400BadRequest, $"`{name}` must be a JSON object or null.");

    private Inputs? JsonMapParameter(IQueryCollection query, string name)
    {
        if (NullIfEmpty(query[name]) is not { } json)
            return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Object => serializer.ReadNode<Inputs>(document.RootElement),
                _ => throw new RequestProblem(StatusCodes.Status400BadRequest, $"`{name}` must be a URL-encoded JSON object."),
            };
        }
        catch (JsonException)
        {
            throw new RequestProblem(StatusCodes.Status400BadRequest, $"`{name}` must be a URL-encoded JSON object.");
        }
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrEmpty(value) ? null : value.ToString();
}
