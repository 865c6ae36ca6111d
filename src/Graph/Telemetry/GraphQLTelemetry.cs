using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reactive.Disposables;
using GraphQL;
using GraphQL.Execution;

namespace ETicket.Graph.Telemetry;

/// <summary>
/// The GraphQL layer's spans and instruments (Meter <c>ETicket.Graph</c>): every transport observes
/// each request it receives (<see cref="Observe"/>), and subscriptions report who is subscribed and
/// what they were sent. Instruments nobody listens to cost a check per measurement.
/// </summary>
public sealed class GraphQLTelemetry
{
    /// <summary>How the request came: <see cref="GraphQLTransports"/>.</summary>
    public const string TransportTag = "eticket.graphql.transport";

    /// <summary>An error's <c>extensions.code</c>, as the client received it: a closed set the server chooses, never the client.</summary>
    public const string ErrorCodeTag = "eticket.graphql.error.code";

    // As ASP.NET Core's http.server.request.duration: from 5 ms to 10 s.
    private static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly IErrorInfoProvider _errorInfo;
    private readonly Meter _meter;

    public GraphQLTelemetry(IMeterFactory meters, IErrorInfoProvider errorInfo)
    {
        _errorInfo = errorInfo;
        _meter = meters.Create(TelemetryNames.Graph);
        Requests = _meter.CreateCounter<long>("eticket.graphql.requests", "{request}",
            "GraphQL requests over every transport: operations answered or refused, subscriptions started.");
        Errors = _meter.CreateCounter<long>("eticket.graphql.errors", "{error}",
            "GraphQL errors sent in answers, by their extensions.code; a request can answer several.");
        Duration = _meter.CreateHistogram("eticket.graphql.operation.duration", "s",
            "From a request's arrival to its answer; for a subscription, until it streams.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        OpenSubscriptions = _meter.CreateUpDownCounter<long>("eticket.graphql.subscriptions.open", "{subscription}",
            "Subscriptions streaming now, over WebSocket and Server-Sent Events.");
        Deliveries = _meter.CreateCounter<long>("eticket.graphql.subscriptions.deliveries", "{delivery}",
            "Subscription results handed to subscribers: one per subscriber per event.");
    }

    internal Counter<long> Requests { get; }
    internal Counter<long> Errors { get; }
    internal Histogram<double> Duration { get; }
    private UpDownCounter<long> OpenSubscriptions { get; }
    private Counter<long> Deliveries { get; }

    /// <summary>Starts observing one request that arrived by <paramref name="transport"/>; dispose it when the request is done.</summary>
    public ObservedOperation Observe(string transport) => new(this, transport);

    /// <summary>Counts a subscription as open until the returned handle (which also ends <paramref name="subscription"/>) is disposed.</summary>
    public IDisposable Opened(IDisposable subscription)
    {
        OpenSubscriptions.Add(1);
        return Disposable.Create(() =>
        {
            OpenSubscriptions.Add(-1);
            subscription.Dispose();
        });
    }

    public void Delivered(int subscribers)
    {
        if (subscribers > 0)
            Deliveries.Add(subscribers);
    }

    /// <summary>Reports how many distinct subscription executions run (<c>eticket.graphql.subscriptions.groups</c>).</summary>
    public void ObserveSubscriptionGroups(Func<int> count) =>
        _meter.CreateObservableGauge("eticket.graphql.subscriptions.groups", count, "{group}",
            "Distinct subscription executions: subscribers who sent the same document and variables, and would see the same answer, share one.");

    /// <summary>The codes the client reads in <c>errors[].extensions.code</c>, worked out as the serializer does.</summary>
    internal IEnumerable<string> CodesOf(ExecutionErrors errors) =>
        errors.Select(error => _errorInfo.GetInfo(error).Extensions is { } extensions && extensions.TryGetValue("code", out var code) && code is string text
            ? text
            : Common.ErrorCodes.InternalServerError);

    /// <summary>Starts the span of one operation; null when nothing listens.</summary>
    internal static Activity? StartSpan() => GraphQLSpans.Source.StartActivity(GraphQLSpans.DefaultName, ActivityKind.Internal);
}
