using System.Text;
using System.Text.Json;
using ETicket.Graph.Common;
using GraphQL;

namespace ETicket.Graph.Transport;

/// <summary>Execution results as the UTF-8 JSON the streaming transports frame.</summary>
public static class ResultJson
{
    public static ReadOnlyMemory<byte> Of(IGraphQLTextSerializer serializer, ExecutionResult result) =>
        Encoding.UTF8.GetBytes(serializer.Serialize(result));

    /// <summary>The result's <c>errors</c> array alone (the payload of a graphql-transport-ws <c>error</c> message).</summary>
    public static ReadOnlyMemory<byte> ErrorsOf(IGraphQLTextSerializer serializer, ExecutionResult result)
    {
        using var document = JsonDocument.Parse(serializer.Serialize(result));
        return document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            ? Encoding.UTF8.GetBytes(errors.GetRawText())
            // A result refused without errors cannot happen; answer with something a client can read all the same.
            : ErrorsOf(serializer, new ExecutionResult(ErrorCodes.Error(ErrorCodes.InternalServerError, "The operation could not run.")));
    }

    public static ReadOnlyMemory<byte> ErrorsOf(IGraphQLTextSerializer serializer, string code, string message) =>
        ErrorsOf(serializer, new ExecutionResult(ErrorCodes.Error(code, message)));
}
