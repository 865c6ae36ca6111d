using System.Security.Claims;
using ETicket.Graph.Common;
using ETicket.Graph.Subscriptions;
using ETicket.Graph.Querying;
using ETicket.Graph.Telemetry;
using GraphQL;
using GraphQLParser.AST;

namespace ETicket.Graph.Transport.WebSockets;

/// <summary>
/// One operation a client started with <c>subscribe</c>: a subscription streams <c>next</c> until it
/// ends or the client sends <c>complete</c>; a query or mutation answers one <c>next</c>, then
/// <c>complete</c>. Requests the client can get wrong end in an <c>error</c> message instead.
/// </summary>
internal sealed class WebSocketOperation(WebSocketConnection connection, WebSocketConnectionServices services, string id, GraphQLHttpRequest request)
    : ISubscriptionSink
{
    private readonly object _gate = new();
    private readonly CancellationTokenSource _cancel = new();
    private readonly ReadOnlyMemory<byte> _nextHead = ServerMessages.NextHead(id);
    private IDisposable? _subscription;
    private bool _done;

    public string Id => id;

    /// <summary>Runs the operation in the background of the connection's reader, so pings and completes keep flowing.</summary>
    public async Task RunAsync()
    {
        using var observed = services.Telemetry.Observe(GraphQLTransports.WebSocket);
        try
        {
            await ExecuteAsync(observed);
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            // The client completed the operation, or the connection ended: nothing to send.
        }
        catch (Exception ex)
        {
            services.Logger.LogError(ex, "WebSocket operation {OperationId} failed", id);
            Finish(ServerMessages.Error(id, ResultJson.ErrorsOf(services.Serializer, ErrorCodes.InternalServerError,
                "Something went wrong on our side. Please try again later.")));
        }
    }

    private async Task ExecuteAsync(ObservedOperation observed)
    {
        if (!services.Executor.TryParse(request.Query, out var document, out var parseError))
        {
            Refuse(new ExecutionResult(parseError), observed);
            return;
        }
        observed.Identify(document, request.OperationName);
        if (OperationSelection.Selects(document, request.OperationName, OperationType.Subscription))
        {
            var outcome = await services.Groups.SubscribeAsync(request, document, connection.User, this);
            if (outcome.Subscription is { } subscription)
            {
                observed.Streaming();
                Attach(subscription);
            }
            else
            {
                Refuse(outcome.Refusal!, observed);
            }
            return;
        }

        // A scope per operation: operations on one socket run side by side, and a DbContext is not thread-safe.
        await using var scope = services.Scopes.CreateAsyncScope();
        // A copy, so a sign-in over the socket (which adds the new member's identity for the rest of
        // its request) does not change who the connection is.
        var user = connection.User is { } member ? new ClaimsPrincipal(member.Identities) : null;
        var result = await services.Executor.ExecuteAsync(request, document, user, connection.RemoteAddress, scope.ServiceProvider, _cancel.Token);
        if (!result.Executed)
        {
            Refuse(result, observed);
            return;
        }
        observed.End(result);
        Next(ResultJson.Of(services.Serializer, result));
        Finish(ServerMessages.Complete(id));
    }

    /// <summary>Ends the operation with an <c>error</c> message: the request could not run.</summary>
    private void Refuse(ExecutionResult result, ObservedOperation observed)
    {
        observed.End(result);
        Finish(ServerMessages.Error(id, ResultJson.ErrorsOf(services.Serializer, result)));
    }

    /// <summary>The client sent <c>complete</c> or the connection ended: stop, and send nothing more.</summary>
    public void Cancel() => Finish(null);

    public void Next(ReadOnlyMemory<byte> result)
    {
        if (!Volatile.Read(ref _done))
            connection.Send(new OutgoingMessage(_nextHead, result, ServerMessages.NextTail));
    }

    public void End(ReadOnlyMemory<byte>? errors) =>
        Finish(errors is { } json ? ServerMessages.Error(id, json) : ServerMessages.Complete(id));

    /// <summary>Keeps the subscription until the operation ends; one that ended while it started is dropped at once.</summary>
    private void Attach(IDisposable subscription)
    {
        lock (_gate)
        {
            if (!_done)
            {
                _subscription = subscription;
                return;
            }
        }
        subscription.Dispose();
    }

    /// <summary>Ends the operation once: its last message (if any), then it frees its id and its subscription.</summary>
    private void Finish(OutgoingMessage? last)
    {
        IDisposable? subscription;
        lock (_gate)
        {
            if (_done)
                return;
            Volatile.Write(ref _done, true);
            subscription = _subscription;
        }
        connection.Forget(this);
        if (last is { } message)
            connection.Send(message);
        subscription?.Dispose();
        _cancel.Cancel();
    }
}
