using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ETicket.Graph.Telemetry;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Instrumentation.StackExchangeRedis;

namespace ETicket.Tests.Telemetry;

/// <summary>
/// Spans: one per GraphQL operation, named by its type and name and never carrying its document or
/// variables; ASP.NET Core's request span above it, EF Core's commands below it, in the trace the
/// caller's <c>traceparent</c> started.
/// </summary>
public sealed class TracingTelemetryTests
{
    private const string AspNetCore = "Microsoft.AspNetCore";
    private const string EntityFrameworkCore = "OpenTelemetry.Instrumentation.EntityFrameworkCore";

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task An_operation_is_one_span_with_its_name_and_type_inside_the_callers_trace(DatabaseKind kind)
    {
        var spans = new ExportedSpans();
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database, configureServices: spans.Capture);
        var seller = await server.SignInAsync("13800177001", "Tracer");
        var caller = CallerSpan();

        var response = await PostAsync(server, ListingRequests.Publish.Replace("mutation(", "mutation PublishTraced("),
            new { input = ListingRequests.Concert(ticketCode: "TRACE-" + Guid.NewGuid().ToString("N")) }, seller, caller);
        Assert.Empty(response.Ok()["publishListing"]!["errors"]!.AsArray());

        var request = await spans.WaitForAsync(span => span.TraceId == caller.TraceId && span.Source.Name == AspNetCore, "for the request");
        var trace = spans.InTrace(caller.TraceId);
        var operation = Assert.Single(trace, span => span.Source.Name == TelemetryNames.Graph);
        Assert.Equal("mutation PublishTraced", operation.DisplayName);
        Assert.Equal("mutation", operation.GetTagItem(GraphQLSpans.OperationType));
        Assert.Equal("PublishTraced", operation.GetTagItem(GraphQLSpans.OperationName));
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);
        // The caller's trace continued: the request's span is the child of the caller's.
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal(caller.SpanId, request.ParentSpanId);
        Assert.Equal(request.SpanId, operation.ParentSpanId);
        // The database commands are in the trace: those the mutation ran are its children (the
        // token's check, in ASP.NET Core's authentication before the endpoint, is the request's).
        // Other tests' tracer providers in this process may slip their own EF Core span in between.
        var commands = trace.Where(span => span.Source.Name == EntityFrameworkCore).ToList();
        Assert.Contains(commands, command => command.ParentSpanId == operation.SpanId);
        Assert.DoesNotContain(commands, command => command.ParentSpanId == default);
    }

    [Fact]
    public async Task No_span_carries_a_ticket_code_sent_as_a_variable_or_as_a_literal()
    {
        var spans = new ExportedSpans();
        await using var server = await PlatformServer.StartAsync(configureServices: spans.Capture);
        var seller = await server.SignInAsync("13800177002", "Secretive");
        var inVariable = "SECRET-VAR-" + Guid.NewGuid().ToString("N");
        var inLiteral = "SECRET-LIT-" + Guid.NewGuid().ToString("N");
        var (first, second) = (CallerSpan(), CallerSpan());

        var byVariable = await PostAsync(server, ListingRequests.Publish, new { input = ListingRequests.Concert(ticketCode: inVariable) }, seller, first);
        var byLiteral = await PostAsync(server, $$"""
            mutation PublishLiteral {
              publishListing(input: { category: CONCERT, title: "Literal", faceValue: "100", price: "100", ticketCode: "{{inLiteral}}",
                city: "上海", venue: "Stadium", startsAt: "{{ListingRequests.FromNow(TimeSpan.FromDays(30))}}" }) {
                listing { id ticketCode } errors { code }
              }
            }
            """, null, seller, second);

        // Both were published (so the code did pass through every layer), and the seller reads it back.
        Assert.Equal(inVariable, byVariable.Ok()["publishListing"]!["listing"]!["ticketCode"]!.GetValue<string>());
        Assert.Equal(inLiteral, byLiteral.Ok()["publishListing"]!["listing"]!["ticketCode"]!.GetValue<string>());
        foreach (var caller in new[] { first, second })
            await spans.WaitForAsync(span => span.TraceId == caller.TraceId && span.Source.Name == AspNetCore, "for each request");
        var operations = spans.Snapshot().Where(span => span.TraceId == first.TraceId || span.TraceId == second.TraceId)
            .Where(span => span.Source.Name == TelemetryNames.Graph).ToList();
        Assert.Equal(["mutation", "mutation PublishLiteral"], operations.Select(span => span.DisplayName).Order());
        var everything = spans.Snapshot().SelectMany(Texts).ToList();
        Assert.DoesNotContain(everything, text => text.Contains(inVariable, StringComparison.Ordinal));
        Assert.DoesNotContain(everything, text => text.Contains(inLiteral, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operation_answered_with_errors_says_which_codes()
    {
        var spans = new ExportedSpans();
        await using var server = await PlatformServer.StartAsync(configureServices: spans.Capture);
        var caller = CallerSpan();

        var response = await PostAsync(server, "query Broken { nosuchfield }", null, null, caller);

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        var operation = await spans.WaitForAsync(span => span.TraceId == caller.TraceId && span.Source.Name == TelemetryNames.Graph, "for the operation");
        Assert.Equal("query Broken", operation.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, operation.Status);
        Assert.Equal("BAD_USER_INPUT", operation.GetTagItem(GraphQLSpans.ErrorType));
        Assert.Equal(["BAD_USER_INPUT"], Assert.IsType<string[]>(operation.GetTagItem(GraphQLSpans.ErrorCodes)));
    }

    [Fact]
    public async Task Redis_commands_are_spans_too()
    {
        var spans = new ExportedSpans();
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Redis:Configuration"] = TestRedis.AddressOrSkip(),
            ["ETicket:Redis:Channel"] = TestRedis.UniqueChannel(),
        }, configureServices: services =>
        {
            spans.Capture(services);
            // The instrumentation reads StackExchange.Redis's profiler every 10 s by default.
            services.Configure<StackExchangeRedisInstrumentationOptions>(options => options.FlushInterval = TimeSpan.FromMilliseconds(100));
        });
        var seller = await server.SignInAsync("13800177003", "Broadcaster");

        // The relay hands the listing's event to Redis for every process's subscribers: a PUBLISH.
        await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "REDIS-" + Guid.NewGuid().ToString("N")));

        var publish = await spans.WaitForAsync(span => span.Source.Name == "OpenTelemetry.Instrumentation.StackExchangeRedis" && span.DisplayName == "PUBLISH",
            "of a Redis PUBLISH", TimeSpan.FromSeconds(20));
        Assert.Equal(ActivityKind.Client, publish.Kind);
    }

    [Fact]
    public async Task Without_an_exporter_nothing_listens_to_the_platforms_spans()
    {
        await using var server = await PlatformServer.StartAsync();
        (await server.PostAsync("{ __typename }")).Ok();

        // No tracer provider was created; another test's may listen in this process, so ask the container.
        Assert.Null(server.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));
    }

    private static CallerTrace CallerSpan() => CallerTrace.New();

    private static async Task<GraphQLResponse> PostAsync(PlatformServer server, string query, object? variables, SignedInMember? member, CallerTrace caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (member is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", member.AccessToken);
        using var response = await caller.SendAsync(server.BaseAddress, request);
        return await GraphQLResponse.ReadAsync(response);
    }

    /// <summary>Everything a span exports as text: its name, status description, tags, events and their tags.</summary>
    private static IEnumerable<string> Texts(Activity span) =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.SelectMany(tag => TextsOf(tag.Value)))
            .Concat(span.Events.SelectMany(e => e.Tags.SelectMany(tag => TextsOf(tag.Value)).Append(e.Name)));

    private static IEnumerable<string> TextsOf(object? value) => value switch
    {
        null => [],
        string text => [text],
        System.Collections.IEnumerable items => items.Cast<object?>().SelectMany(TextsOf),
        _ => [value.ToString() ?? ""],
    };
}
