using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Transport;

/// <summary>
/// One HTTP/1.1 connection on a plain socket, for what HttpClient will not send: a body that stops
/// half-way, broken chunked encoding, a reset in the middle of a request.
/// </summary>
public sealed class RawConnection : IDisposable
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private RawConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawConnection> OpenAsync(PlatformServer server)
    {
        var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(IPAddress.Loopback, server.BaseAddress.Port, TestContext.Current.CancellationToken);
        return new RawConnection(client);
    }

    /// <summary>
    /// The request line and headers of a POST to /graphql that asks the server to close the
    /// connection after answering, so the answer ends where the stream does.
    /// </summary>
    public static string PostHead(string framing, string accept = Media.Json) =>
        $"POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept: {accept}\r\nConnection: close\r\n{framing}\r\n\r\n";

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public Task SendAsync(byte[] bytes) => _stream.WriteAsync(bytes, TestContext.Current.CancellationToken).AsTask();

    /// <summary>Closes the sending side (TCP FIN): the server reads the end of the stream.</summary>
    public void EndSending() => _client.Client.Shutdown(SocketShutdown.Send);

    /// <summary>Drops the connection with a TCP reset, as a client that crashes or loses its network does.</summary>
    public void Reset()
    {
        _client.LingerState = new LingerOption(true, 0);
        _client.Close();
    }

    /// <summary>Everything the server sends until it closes the connection, as an answer; fails when it does not close.</summary>
    public async Task<RawAnswer> ReadAnswerAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(MaxWait);
        var received = new MemoryStream();
        try
        {
            await _stream.CopyToAsync(received, timeout.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"The server kept the connection open for {MaxWait}; it sent: {Encoding.UTF8.GetString(received.ToArray())}");
        }
        catch (IOException)
        {
            // Reset after the answer: what arrived is the answer.
        }
        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    private static RawAnswer Parse(string response)
    {
        var headEnd = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0)
            throw new Xunit.Sdk.XunitException($"Not an HTTP response: '{response}'");
        var lines = response[..headEnd].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1]);
        var headers = lines.Skip(1).Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim().ToLowerInvariant(), parts => parts[1].Trim());
        var text = response[(headEnd + 4)..];
        if (headers.GetValueOrDefault("transfer-encoding") == "chunked")
            text = Unchunk(text);
        JsonNode? body;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"The server answered {status} with a body that is not JSON: {text}");
        }
        var contentType = headers.TryGetValue("content-type", out var type) ? MediaTypeHeaderValue.Parse(type) : null;
        return new RawAnswer(status, contentType, headers, text, body);
    }

    private static string Unchunk(string chunked)
    {
        var text = new StringBuilder();
        for (var at = 0; ;)
        {
            var sizeEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..sizeEnd], 16);
            if (size == 0)
                return text.ToString();
            // Sizes count bytes; the test bodies are ASCII JSON, so characters and bytes agree.
            text.Append(chunked, sizeEnd + 2, size);
            at = sizeEnd + 2 + size + 2;
        }
    }

    public void Dispose() => _client.Dispose();
}
