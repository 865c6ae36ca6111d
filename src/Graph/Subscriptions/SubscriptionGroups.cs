using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reactive.Disposables;
using System.Security.Claims;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using ETicket.Graph.Telemetry;
using ETicket.Graph.Transport;
using GraphQL;
using GraphQLParser.AST;

namespace ETicket.Graph.Subscriptions;

/// <summary>
/// Runs subscriptions for every transport. Subscribers who sent the same document with the same
/// variables, and who would see the same answer, form one group: GraphQL.NET executes the document
/// once per event for the group, the result is serialized once, and the same bytes go to every
/// subscriber. Who "would see the same answer": everyone, when the document selects no field that
/// depends on the viewer (<see cref="ViewerDependence"/>), so it runs as an anonymous request;
/// otherwise one group per member, run as that member.
/// </summary>
public sealed class SubscriptionGroups
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private readonly ConcurrentDictionary<GroupKey, Group> _groups = new();
    private readonly GraphQLExecutor _executor;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly IServiceScopeFactory _scopes;
    private readonly SubscriptionEvents _live;
    private readonly Lazy<FrozenSet<string>> _viewerFields;
    private readonly GraphQLTelemetry _telemetry;
    private readonly ILogger<SubscriptionGroups> _logger;

    public SubscriptionGroups(GraphQLExecutor executor, IGraphQLTextSerializer serializer, IServiceScopeFactory scopes, SubscriptionEvents live,
        ETicketSchema schema, GraphQLTelemetry telemetry, ILogger<SubscriptionGroups> logger)
    {
        (_executor, _serializer, _scopes, _live, _telemetry, _logger) = (executor, serializer, scopes, live, telemetry, logger);
        telemetry.ObserveSubscriptionGroups(() => GroupCount);
        _viewerFields = new(() =>
        {
            schema.Initialize();
            return ViewerDependence.FieldNames(schema);
        });
        live.Interrupted += EndAll;
    }

    /// <summary>How many distinct executions run per event now.</summary>
    public int GroupCount => _groups.Count;

    /// <summary>
    /// Subscribes <paramref name="sink"/> to a parsed subscription operation. On success the result
    /// holds the subscription (dispose it to unsubscribe); otherwise the errors to answer with, such as
    /// a validation error or UNAUTHENTICATED for <c>myOrderChanged</c> without a token.
    /// </summary>
    public async Task<SubscribeOutcome> SubscribeAsync(GraphQLHttpRequest request, GraphQLDocument document, ClaimsPrincipal? user, ISubscriptionSink sink)
    {
        // Read before the check: an interruption from here on may miss this subscription's group (not
        // yet registered, or a new one replacing a group it just ended), so it is checked again below.
        var interruptions = _live.Interruptions;
        if (!_live.IsAvailable)
            return Unavailable();

        var viewer = ViewerDependence.Selects(document, _viewerFields.Value)
            ? user?.FindFirstValue(Viewer.MemberIdClaim) ?? ""
            : null;
        var key = new GroupKey(request.Query, request.OperationName, request.Variables is null ? "" : _serializer.Serialize(request.Variables), viewer);
        while (true)
        {
            var group = _groups.GetOrAdd(key, k => new Group(this, k));
            var membership = group.TryJoin(sink);
            if (membership is null)
                continue; // It closed as we found it; the next one is new.
            var refusal = await group.StartOnceAsync(request, document, viewer is null ? Anonymous : user ?? Anonymous);
            if (refusal is null && _live.Interruptions != interruptions && !group.IsClosed)
            {
                // Live updates were lost while it started and nothing ended it: it would miss events silently.
                membership.Dispose();
                return Unavailable();
            }
            if (refusal is null)
                return SubscribeOutcome.Subscribed(_telemetry.Opened(membership));
            membership.Dispose();
            return SubscribeOutcome.Refused(refusal);
        }
    }

    private static SubscribeOutcome Unavailable() =>
        SubscribeOutcome.Refused(LiveUpdatesUnavailable("Live updates are unavailable right now (the event broadcast is unreachable); try again shortly."));

    private void EndAll(string reason)
    {
        var errors = ErrorsJson(LiveUpdatesUnavailable($"Live updates were interrupted ({reason}); subscribe again."));
        foreach (var group in _groups.Values)
            group.End(errors);
    }

    private static ExecutionResult LiveUpdatesUnavailable(string message) =>
        new(ErrorCodes.Error(ErrorCodes.LiveUpdatesUnavailable, message));

    private ReadOnlyMemory<byte> ErrorsJson(ExecutionResult result) => ResultJson.ErrorsOf(_serializer, result);

    private readonly record struct GroupKey(string Query, string? OperationName, string Variables, string? Viewer);

    /// <summary>One execution of a subscription document and the subscribers it serves.</summary>
    private sealed class Group(SubscriptionGroups owner, GroupKey key) : IObserver<ExecutionResult>
    {
        private readonly object _gate = new();
        private readonly CancellationTokenSource _stop = new();
        private List<ISubscriptionSink> _members = [];
        private bool _closed;
        private Task<ExecutionResult?>? _start;
        private AsyncServiceScope? _scope;
        private IDisposable? _stream;

        /// <summary>Whether it stopped: ended (its members were told) or left by everyone.</summary>
        public bool IsClosed
        {
            get
            {
                lock (_gate)
                    return _closed;
            }
        }

        /// <summary>Adds the subscriber; disposing the result (once is enough, more is harmless) takes it out. Null when closed.</summary>
        public IDisposable? TryJoin(ISubscriptionSink sink)
        {
            lock (_gate)
            {
                if (_closed)
                    return null;
                // Copy on write: deliveries read the list without the lock.
                _members = [.. _members, sink];
            }
            return Disposable.Create((group: this, sink), static membership => membership.group.Leave(membership.sink));
        }

        /// <summary>Executes the document on first join; every joiner awaits the same start. Null when it streams.</summary>
        public Task<ExecutionResult?> StartOnceAsync(GraphQLHttpRequest request, GraphQLDocument document, ClaimsPrincipal user)
        {
            lock (_gate)
                return _start ??= StartAsync(request, document, user);
        }

        private async Task<ExecutionResult?> StartAsync(GraphQLHttpRequest request, GraphQLDocument document, ClaimsPrincipal user)
        {
            // The stream resolvers' services; each event gets a scope of its own (ScopedSubscriptionStrategy).
            var scope = owner._scopes.CreateAsyncScope();
            ExecutionResult result;
            try
            {
                result = await owner._executor.ExecuteAsync(request, document, user, clientAddress: null, scope.ServiceProvider, _stop.Token);
            }
            catch
            {
                await scope.DisposeAsync();
                Close();
                throw;
            }
            if (result.Streams is not { Count: 1 } streams)
            {
                await scope.DisposeAsync();
                Close();
                return result.Errors is { Count: > 0 } ? result : new ExecutionResult(ErrorCodes.Error(ErrorCodes.BadUserInput, "Send a subscription operation."));
            }
            lock (_gate)
            {
                _scope = scope;
                if (_closed)
                    _ = DisposeResourcesAsync(); // Everyone left while it started.
                else
                    _stream = streams.Values.Single().Subscribe(this);
            }
            return null;
        }

        public void OnNext(ExecutionResult value)
        {
            ReadOnlyMemory<byte> bytes;
            try
            {
                bytes = ResultJson.Of(owner._serializer, value);
            }
            catch (Exception ex)
            {
                owner._logger.LogError(ex, "Could not serialize a subscription result");
                return;
            }
            var members = _members;
            foreach (var member in members)
                member.Next(bytes);
            owner._telemetry.Delivered(members.Count);
        }

        public void OnError(Exception error)
        {
            owner._logger.LogError(error, "A subscription stream failed");
            End(owner.ErrorsJson(new ExecutionResult(ErrorCodes.Error(ErrorCodes.InternalServerError, "The subscription stream failed."))));
        }

        public void OnCompleted() => End(null);

        /// <summary>Ends the stream for every member, e.g. when live updates are interrupted.</summary>
        public void End(ReadOnlyMemory<byte>? errors)
        {
            List<ISubscriptionSink> members;
            lock (_gate)
                members = _members;
            Close();
            foreach (var member in members)
                member.End(errors);
        }

        private void Leave(ISubscriptionSink member)
        {
            lock (_gate)
            {
                // One place per join: a sink that joined twice keeps its other place.
                var index = _members.FindIndex(m => m == member);
                if (index >= 0)
                {
                    List<ISubscriptionSink> rest = [.. _members];
                    rest.RemoveAt(index);
                    _members = rest;
                }
                if (_members.Count > 0)
                    return;
            }
            Close();
        }

        private void Close()
        {
            lock (_gate)
            {
                if (_closed)
                    return;
                _closed = true;
                _members = [];
            }
            owner._groups.TryRemove(new KeyValuePair<GroupKey, Group>(key, this));
            _ = DisposeResourcesAsync();
        }

        private async Task DisposeResourcesAsync()
        {
            _stream?.Dispose();
            await _stop.CancelAsync();
            if (_scope is { } scope)
                await scope.DisposeAsync();
        }
    }
}
