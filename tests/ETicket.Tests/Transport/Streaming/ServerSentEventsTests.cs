using System.Text.Json.Nodes;
using ETicket.Domain.Events.Broadcast;
using ETicket.Graph.Subscriptions;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Transport.Streaming;

public sealed class EventStreamServerFixture : StreamingServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ETicket:Subscriptions:KeepAliveInterval"] = "00:00:00.200",
    };
}

/// <summary>
/// GraphQL over Server-Sent Events, graphql-sse's distinct connections mode: POST (or GET) with
/// Accept: text/event-stream, then <c>next</c> events and a <c>complete</c>.
/// </summary>
public sealed class ServerSentEventsTests(EventStreamServerFixture platform) : IClassFixture<EventStreamServerFixture>
{
    private PlatformServer Server => platform.Server;

    [Fact]
    public async Task A_subscription_receives_a_published_listing_with_its_seller()
    {
        var seller = await Server.SignInAsync("13800139201", "流卖家");
        var city = LiveListings.NewCity();
        await using var stream = await ServerSentEventReader.PostAsync(Server, LiveListings.Subscription("title seller { nickname }"), new { city });
        Assert.Equal(200, (int)stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", stream.Response.Content.Headers.ContentType?.CharSet);
        Assert.True(stream.Response.Headers.CacheControl?.NoCache);
        await Server.PublishUntilAllSeeAsync(seller, city, async wait => (await stream.TryNextAsync(wait))?.Json);

        var title = await Server.PublishInAsync(seller, city);

        for (var listing = await NextListingAsync(stream); listing["title"]?.GetValue<string>() != title; listing = await NextListingAsync(stream))
        {
        }
        static async Task<JsonNode> NextListingAsync(ServerSentEventReader stream)
        {
            var next = await stream.NextAsync();
            Assert.Equal("next", next.Event);
            var listing = next.Json!["data"]!["listingPublished"]!;
            Assert.Equal("流卖家", listing["seller"]?["nickname"]?.GetValue<string>());
            return listing;
        }
    }

    [Fact]
    public async Task A_query_answers_one_next_then_complete_and_the_response_ends()
    {
        await using var stream = await ServerSentEventReader.PostAsync(Server, "{ __typename }");

        var next = await stream.NextAsync();
        Assert.Equal("next", next.Event);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", next.Json!.ToJsonString());
        var complete = await stream.NextAsync();
        Assert.Equal(("complete", ""), (complete.Event, complete.Data));
        await stream.EndedAsync();
    }

    [Fact]
    public async Task A_mutation_answers_as_the_member_of_the_Authorization_header()
    {
        var member = await Server.SignInAsync("13800139202", "Before");

        await using var stream = await ServerSentEventReader.PostAsync(Server,
            "mutation { updateProfile(input: { nickname: \"After\" }) { member { id nickname } errors { code } } }", accessToken: member.AccessToken);

        var payload = (await stream.NextAsync()).Json!["data"]!["updateProfile"]!;
        Assert.Equal(member.Id, payload["member"]?["id"]?.GetValue<string>());
        Assert.Equal("After", payload["member"]?["nickname"]?.GetValue<string>());
        Assert.Equal("complete", (await stream.NextAsync()).Event);
    }

    [Theory]
    [InlineData("{ noSuchField }", "BAD_USER_INPUT")]
    [InlineData("{ listings", "BAD_USER_INPUT")]
    [InlineData("subscription { myOrderChanged { id } }", "UNAUTHENTICATED")]
    public async Task An_operation_that_cannot_run_answers_next_with_errors_then_complete(string query, string code)
    {
        await using var stream = await ServerSentEventReader.PostAsync(Server, query);

        // The protocol: errors before execution come through the accepted stream, not as a 400.
        Assert.Equal(200, (int)stream.Response.StatusCode);
        var next = await stream.NextAsync();
        Assert.Equal("next", next.Event);
        Assert.Equal(code, next.Json!["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
        Assert.Equal("complete", (await stream.NextAsync()).Event);
        await stream.EndedAsync();
    }

    [Theory]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic xyz")]
    public async Task A_bad_Authorization_header_is_refused_with_401_before_the_stream_opens(string authorization)
    {
        var answer = await Server.SendRawAsync(HttpMethod.Post, "/graphql", Json("{ __typename }"), accept: "text/event-stream", authorization: authorization);

        TransportAssert.Refused(answer, 401, "UNAUTHENTICATED");
        TransportAssert.MediaType(answer, Media.Json);
    }

    [Fact]
    public async Task A_request_body_that_is_not_GraphQL_is_refused_with_400()
    {
        var answer = await Server.SendRawAsync(HttpMethod.Post, "/graphql", Json("""{"query":1}""", raw: true), accept: "text/event-stream");

        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
    }

    [Fact]
    public async Task GET_streams_queries_and_subscriptions_for_EventSource()
    {
        await using var stream = await ServerSentEventReader.GetAsync(Server, "{ __typename }");

        Assert.Equal("""{"data":{"__typename":"Query"}}""", (await stream.NextAsync()).Data);
        Assert.Equal("complete", (await stream.NextAsync()).Event);
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405()
    {
        var query = Uri.EscapeDataString("mutation { updateProfile(input: { nickname: \"X\" }) { errors { code } } }");
        var answer = await Server.SendRawAsync(HttpMethod.Get, "/graphql?query=" + query, accept: "text/event-stream");

        TransportAssert.Refused(answer, 405, "BAD_USER_INPUT");
        Assert.Equal("POST", answer.Header("Allow"));
    }

    [Fact]
    public async Task Leaving_the_stream_ends_the_subscription()
    {
        await Server.NoGroupsLeftAsync();
        var stream = await ServerSentEventReader.PostAsync(Server, LiveListings.Subscription(), new { city = LiveListings.NewCity() });
        await Server.GroupsBecomeAsync(1);

        await stream.DisposeAsync();

        await Server.GroupsBecomeAsync(0);
    }

    [Fact]
    public async Task A_quiet_stream_sends_keep_alive_comments()
    {
        await using var stream = await ServerSentEventReader.PostAsync(Server, LiveListings.Subscription(), new { city = LiveListings.NewCity() });

        // The fixture sends one every 200 ms.
        for (var i = 0; i < 50 && stream.Comments < 2; i++)
            await Task.Delay(100, TestContext.Current.CancellationToken);

        Assert.True(stream.Comments >= 2, $"{stream.Comments} keep-alive comments");
        Assert.Null(await stream.TryNextAsync(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Live_updates_lost_end_the_stream_with_errors_then_complete()
    {
        var seller = await Server.SignInAsync("13800139203", "Seller");
        var city = LiveListings.NewCity();
        await using var stream = await ServerSentEventReader.PostAsync(Server, LiveListings.Subscription(), new { city });
        await Server.PublishUntilAllSeeAsync(seller, city, async wait => (await stream.TryNextAsync(wait))?.Json);

        ((IBroadcastListener)Server.Services.GetRequiredService<SubscriptionEvents>()).OnInterrupted("test");

        var next = await stream.NextAsync();
        while (next.Json!["data"] is not null)
            next = await stream.NextAsync(); // a listing published while waiting for the stream to be live
        Assert.Equal("LIVE_UPDATES_UNAVAILABLE", next.Json!["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
        Assert.Equal("complete", (await stream.NextAsync()).Event);
        await stream.EndedAsync();
    }

    [Theory]
    [InlineData("text/event-stream", "text/event-stream")]
    [InlineData("application/json, text/event-stream", "text/event-stream")]
    [InlineData("text/event-stream;q=0.9, application/json;q=0.5", "text/event-stream")]
    [InlineData("application/json, text/event-stream;q=0.5", Media.Json)]
    [InlineData("*/*", Media.Json)]
    [InlineData("text/*", null)]
    public async Task Server_sent_events_are_chosen_when_Accept_names_them_first(string accept, string? mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json("{ __typename }") };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await Server.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(mediaType is null ? 406 : 200, (int)response.StatusCode);
        if (mediaType is not null)
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Media.Json, 200)]
    [InlineData(Media.GraphQLResponse, 400)]
    public async Task A_subscription_over_plain_HTTP_is_refused_and_told_where_to_go(string accept, int status)
    {
        var answer = await Server.PostRawAsync("""{"query":"subscription { listingPublished { id } }"}""", accept: accept);

        Assert.Equal(status, answer.Status);
        Assert.Equal("BAD_USER_INPUT", answer.FirstErrorCode);
        Assert.Contains("text/event-stream", answer.FirstErrorMessage);
        Assert.Null(answer.Data);
    }

    private static StringContent Json(string queryOrBody, bool raw = false) =>
        new(raw ? queryOrBody : System.Text.Json.JsonSerializer.Serialize(new { query = queryOrBody }), System.Text.Encoding.UTF8, "application/json");
}
