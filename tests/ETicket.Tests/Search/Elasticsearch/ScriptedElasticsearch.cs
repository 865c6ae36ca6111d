using System.Text;
using Elastic.Transport;
using ETicket.Search.Elasticsearch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ETicket.Tests.Search.Elasticsearch;

/// <summary>A request the backend sent: method, path with query, and body as text.</summary>
public sealed record SentRequest(string Method, string Path, string? Body);

/// <summary>
/// Stands in for a cluster: answers the backend's requests in order from a script, each answer built
/// by the client's own <see cref="InMemoryRequestInvoker"/> (so the client parses it as it would a real
/// one), and records every request it was sent.
/// </summary>
public sealed class ScriptedElasticsearch : IRequestInvoker
{
    private static readonly Dictionary<string, IEnumerable<string>> ProductHeader = new() { ["X-Elastic-Product"] = ["Elasticsearch"] };

    private readonly Queue<Func<InMemoryRequestInvoker>> answers = new();
    private readonly InMemoryRequestInvoker factorySource = new();

    public List<SentRequest> Requests { get; } = [];

    public ResponseFactory ResponseFactory => factorySource.ResponseFactory;

    public ScriptedElasticsearch Answer(int status, string body)
    {
        answers.Enqueue(() => new InMemoryRequestInvoker(Encoding.UTF8.GetBytes(body), status, null, "application/json", ProductHeader));
        return this;
    }

    /// <summary>The request never got an answer (as when it times out).</summary>
    public ScriptedElasticsearch NoAnswer()
    {
        answers.Enqueue(() => new InMemoryRequestInvoker([], 0, new TimeoutException("The request timed out."), "application/json", null));
        return this;
    }

    public bool AllAnswered => answers.Count == 0;

    public void Dispose() => ((IDisposable)factorySource).Dispose();

    /// <summary>A backend on this script, with its connection's pauses not waited for.</summary>
    public ElasticsearchListingIndex Index(ILogger<ElasticsearchListingIndex>? logger = null)
    {
        var options = Options();
        return new ElasticsearchListingIndex(new ElasticsearchConnection(options, this, (_, _) => Task.CompletedTask), options,
            new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 4, 30, 0, 123, TimeSpan.Zero)),
            logger ?? NullLogger<ElasticsearchListingIndex>.Instance);
    }

    public static ElasticsearchSearchOptions Options() => new() { Url = "http://search.test:9200", ApiKey = "a2V5OnNlY3JldA==" };

    public Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData,
        CancellationToken cancellationToken) where TResponse : TransportResponse, new()
    {
        Record(endpoint, boundConfiguration, postData);
        return Next().RequestAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken);
    }

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new()
    {
        Record(endpoint, boundConfiguration, postData);
        return Next().Request<TResponse>(endpoint, boundConfiguration, postData);
    }

    private InMemoryRequestInvoker Next() =>
        answers.Count > 0 ? answers.Dequeue()() : throw new InvalidOperationException($"The script has no answer for request {Requests.Count}: {Requests[^1]}.");

    private void Record(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
    {
        string? body = null;
        if (postData is not null)
        {
            using var stream = new MemoryStream();
            postData.Write(stream, boundConfiguration.ConnectionSettings, true);
            body = Encoding.UTF8.GetString(stream.ToArray());
        }
        Requests.Add(new SentRequest(endpoint.Method.ToString(), "/" + endpoint.PathAndQuery.TrimStart('/'), body));
    }
}
