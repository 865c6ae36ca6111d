using System.Diagnostics;

namespace ETicket.Graph.Telemetry;

/// <summary>
/// The span of one GraphQL operation, named and tagged as OpenTelemetry's semantic conventions for
/// GraphQL servers say: "{type} {name}" (or "{type}" for an anonymous operation, "GraphQL Operation"
/// until the document is parsed), with <c>graphql.operation.type</c> and <c>graphql.operation.name</c>.
/// The conventions' optional <c>graphql.document</c> is never set, nor are the variables: either can
/// hold a ticket code or a phone number.
/// </summary>
public static class GraphQLSpans
{
    /// <summary>Without a listener (nothing exports traces) it starts no span and costs nothing.</summary>
    public static readonly ActivitySource Source = new(TelemetryNames.Graph);

    public const string DefaultName = "GraphQL Operation";
    public const string OperationType = "graphql.operation.type";
    public const string OperationName = "graphql.operation.name";

    /// <summary>The distinct <c>extensions.code</c>s of the errors the operation answered with.</summary>
    public const string ErrorCodes = "eticket.graphql.error.codes";

    /// <summary>OpenTelemetry's general attribute for the class of error an operation ended with: the first error's code.</summary>
    public const string ErrorType = "error.type";
}
