using Microsoft.AspNetCore.Http.Features;

namespace ETicket.Graph.Transport;

/// <summary>
/// A POST body as the request readers read it: at most a given number of bytes, and every way the
/// read itself can fail (Kestrel's verdicts on the body, a client gone) already turned into the
/// <see cref="RequestProblem"/> that answers it. So whatever else a reader sees fail (a multipart
/// parser's complaint, say) is about the content, not the connection.
/// </summary>
public sealed class RequestBodyStream : Stream
{
    private readonly HttpContext _http;
    private readonly long _limit;
    private readonly Func<RequestProblem> _tooLarge;
    private long _read;

    private RequestBodyStream(HttpContext http, long limit, Func<RequestProblem> tooLarge)
    {
        _http = http;
        _limit = limit;
        _tooLarge = tooLarge;
    }

    /// <summary>
    /// Refuses a body declared larger than <paramref name="limit"/> before reading any of it.
    /// <paramref name="drainLimit"/> is the request body size Kestrel enforces: after a 413 Kestrel
    /// reads (drains) the rest of the body so the client, still sending, gets the answer instead of a
    /// broken pipe; past this bound it gives up and closes the connection.
    /// </summary>
    public static RequestBodyStream Open(HttpContext http, long limit, long drainLimit, Func<RequestProblem> tooLarge)
    {
        if (http.Request.ContentLength > limit)
            throw tooLarge();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = Math.Max(limit, drainLimit);
        return new RequestBodyStream(http, limit, tooLarge);
    }

    /// <summary>The client went away mid-body (a reset, an abort).</summary>
    public static RequestProblem ClientLeft(HttpContext http)
    {
        // Nobody is left to answer: aborting tells Kestrel so too, which otherwise might try to drain
        // a body it is still reading and log a failure.
        http.Abort();
        return new RequestProblem(StatusCodes.Status400BadRequest, "The connection closed before the request body was complete.");
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await _http.Request.Body.ReadAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's verdict on the body (too large, too slow, malformed chunks, cut short) is the client's mistake.
            throw ex.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => _tooLarge(),
                StatusCodes.Status408RequestTimeout => new RequestProblem(ex.StatusCode, "The request body arrived too slowly; send it without pausing."),
                _ => new RequestProblem(ex.StatusCode, $"The request body could not be read: {ex.Message}"),
            };
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            throw ClientLeft(_http);
        }
        _read += read;
        if (_read > _limit)
            throw _tooLarge();
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Kestrel refuses synchronous reads by default; so does this.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The request body is read asynchronously.");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
