using System.Collections.Concurrent;
using ETicket.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ETicket.Tests.Pictures.Storage;

/// <summary>
/// An S3 endpoint on a free loopback port that answers every request as S3 answers a request signed
/// with the wrong secret key: 403 <c>SignatureDoesNotMatch</c>. It remembers the Authorization headers.
/// </summary>
public sealed class RefusingS3Server : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _authorizations = new();

    private RefusingS3Server(WebApplication app)
    {
        _app = app;
        app.Run(RefuseAsync);
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<string> Authorizations => [.. _authorizations];

    public static async Task<RefusingS3Server> StartAsync()
    {
        var server = new RefusingS3Server(LoopbackApp.Create());
        server.Url = await LoopbackApp.StartAsync(server._app);
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task RefuseAsync(HttpContext context)
    {
        _authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIAEXAMPLE</AWSAccessKeyId><RequestId>4442587FB7D0A2F9</RequestId><HostId>refusing-s3</HostId></Error>
            """);
    }
}
