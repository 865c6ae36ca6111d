using System.Diagnostics;
using ETicket.Graph.Querying;
using ETicket.Graph.Transport;
using GraphQL;
using GraphQLParser.AST;

namespace ETicket.Graph.Telemetry;

/// <summary>
/// One GraphQL request as telemetry sees it, from its arrival until it is answered (or, for a
/// subscription, until it streams): its span, and at its end one request, its duration and its
/// errors by code. The transport names the operation once the document is parsed
/// (<see cref="Identify"/>) and ends it with what it answered; a request disposed without an end
/// (the client left, or an exception escaped) is counted without errors.
/// </summary>
public sealed class ObservedOperation : IDisposable
{
    private readonly GraphQLTelemetry _telemetry;
    private readonly string _transport;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Activity? _span = GraphQLTelemetry.StartSpan();
    private string? _operationType;
    private bool _ended;

    internal ObservedOperation(GraphQLTelemetry telemetry, string transport) => (_telemetry, _transport) = (telemetry, transport);

    /// <summary>Names the span after the operation the document selects, by its type and name: never its text or variables.</summary>
    public void Identify(GraphQLDocument document, string? operationName)
    {
        if (OperationSelection.Find(document, operationName) is not { } operation)
            return; // The executer answers with its own error; the span keeps its default name.
        _operationType = operation.Operation switch
        {
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "query",
        };
        if (_span is null)
            return;
        var name = operation.Name?.StringValue;
        _span.DisplayName = name is null ? _operationType : $"{_operationType} {name}";
        _span.SetTag(GraphQLSpans.OperationType, _operationType);
        if (name is not null)
            _span.SetTag(GraphQLSpans.OperationName, name);
    }

    /// <summary>Answered with <paramref name="result"/>: data, errors, or both.</summary>
    public void End(ExecutionResult result)
    {
        if (_ended)
            return;
        // The codes are worked out only for someone who records them.
        var codes = result.Errors is { Count: > 0 } errors && (_span is not null || _telemetry.Errors.Enabled)
            ? _telemetry.CodesOf(errors).ToList()
            : [];
        Finish(codes);
    }

    /// <summary>Refused before GraphQL saw it (a bad token, a body too large): one error with the problem's code.</summary>
    public void End(RequestProblem problem)
    {
        if (!_ended)
            Finish([problem.Code]);
    }

    /// <summary>A subscription started streaming: what follows is counted as deliveries, not as this request.</summary>
    public void Streaming()
    {
        if (!_ended)
            Finish([]);
    }

    public void Dispose()
    {
        if (!_ended)
            Finish([]);
    }

    private void Finish(IReadOnlyList<string> codes)
    {
        _ended = true;
        var tags = new TagList { { GraphQLTelemetry.TransportTag, _transport } };
        if (_operationType is not null)
            tags.Add(GraphQLSpans.OperationType, _operationType);
        _telemetry.Requests.Add(1, tags);
        _telemetry.Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        foreach (var code in codes)
        {
            var errorTags = tags; // A copy: TagList is a struct.
            errorTags.Add(GraphQLTelemetry.ErrorCodeTag, code);
            _telemetry.Errors.Add(1, errorTags);
        }
        if (_span is null)
            return;
        if (codes.Count > 0)
        {
            _span.SetTag(GraphQLSpans.ErrorCodes, codes.Distinct().ToArray());
            _span.SetTag(GraphQLSpans.ErrorType, codes[0]);
            _span.SetStatus(ActivityStatusCode.Error);
        }
        _span.Dispose();
    }
}
