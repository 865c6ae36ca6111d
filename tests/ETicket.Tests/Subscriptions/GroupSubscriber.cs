using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ETicket.Graph.Auth;
using ETicket.Graph.Subscriptions;
using ETicket.Graph.Transport;
using ETicket.Tests.Infrastructure;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Subscriptions;

/// <summary>
/// A subscriber talking to <see cref="SubscriptionGroups"/> directly, below any transport: what it
/// receives is what every transport frames. Records results and the end of the stream.
/// </summary>
public sealed class GroupSubscriber : ISubscriptionSink, IDisposable
{
    private readonly Channel<JsonNode> _results = Channel.CreateUnbounded<JsonNode>();
    private IDisposable? _subscription;

    public JsonNode? Refusal { get; private set; }

    /// <summary>The errors the stream ended with (an empty array for a normal end), once it ended.</summary>
    public JsonArray? EndedWith { get; private set; }

    public static async Task<GroupSubscriber> SubscribeAsync(PlatformServer server, string query, object? variables = null, SignedInMember? member = null)
    {
        var services = server.Services;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var executor = services.GetRequiredService<GraphQLExecutor>();
        var request = new GraphQLHttpRequest(query, null, variables is null ? null : serializer.Deserialize<Inputs>(serializer.Serialize(variables)), null);
        Assert.True(executor.TryParse(query, out var document, out var error), error?.Message);
        // The transports authenticate the token; here the member is taken at its word.
        var user = member is null ? null : new ClaimsPrincipal(new ClaimsIdentity([new Claim(Viewer.MemberIdClaim, member.Id)], "test", Viewer.MemberIdClaim, Viewer.RoleClaim));

        var subscriber = new GroupSubscriber();
        var outcome = await services.GetRequiredService<SubscriptionGroups>().SubscribeAsync(request, document, user, subscriber);
        subscriber._subscription = outcome.Subscription;
        subscriber.Refusal = outcome.Refusal is null ? null : JsonNode.Parse(serializer.Serialize(outcome.Refusal));
        return subscriber;
    }

    /// <summary>The next result; fails the test when none comes within <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<JsonNode> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _results.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"No subscription result within {timeout ?? TimeSpan.FromSeconds(10)}.");
        }
    }

    /// <summary>Asserts that nothing arrives within <paramref name="wait"/>.</summary>
    public async Task NothingWithinAsync(TimeSpan wait)
    {
        await Task.Delay(wait, TestContext.Current.CancellationToken);
        Assert.False(_results.Reader.TryRead(out var unexpected), $"Unexpected result: {unexpected?.ToJsonString()}");
    }

    void ISubscriptionSink.Next(ReadOnlyMemory<byte> result) =>
        _results.Writer.TryWrite(JsonNode.Parse(Encoding.UTF8.GetString(result.Span))!);

    void ISubscriptionSink.End(ReadOnlyMemory<byte>? errors)
    {
        EndedWith = errors is { } json ? JsonNode.Parse(Encoding.UTF8.GetString(json.Span))!.AsArray() : [];
        _results.Writer.TryComplete();
    }

    public void Dispose() => _subscription?.Dispose();
}
