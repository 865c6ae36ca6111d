using System.Text;
using ETicket.Graph.Hosting;
using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Hosting;

/// <summary>The last-resort answer to a failure outside GraphQL execution.</summary>
public sealed class InternalErrorResponseTests
{
    [Fact]
    public async Task It_is_written_even_when_the_client_has_left()
    {
        // Kestrel cancels RequestAborted when the client goes; a write cancelled with it would fail
        // the exception handler itself, which logs our failure a second time and rethrows.
        using var left = new CancellationTokenSource();
        await left.CancelAsync();
        var body = new MemoryStream();
        var http = new DefaultHttpContext
        {
            RequestAborted = left.Token,
            RequestServices = new ServiceCollection().AddSingleton<IGraphQLTextSerializer>(new GraphQLSerializer()).BuildServiceProvider(),
        };
        http.Response.Body = body;

        await InternalErrorResponse.WriteAsync(http);

        Assert.Equal(500, http.Response.StatusCode);
        Assert.Contains("INTERNAL_SERVER_ERROR", Encoding.UTF8.GetString(body.ToArray()));
    }
}
