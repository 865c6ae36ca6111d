using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace ETicket.Search.Elasticsearch;

/// <summary>
/// Sends requests through the official client's transport (node, credentials, CA fingerprint, timeouts),
/// with bodies this backend writes itself, so what goes over the wire is exactly what the golden
/// tests pin. Overload and timeouts are retried a few times with a growing pause; what still fails
/// becomes a <see cref="SearchUnavailableException"/>.
/// </summary>
public sealed class ElasticsearchConnection
{
    private static readonly int[] Transient = [429, 502, 503, 504];

    private readonly ElasticsearchClient client;
    private readonly int retries;
    private readonly Func<TimeSpan, CancellationToken, Task> pause;

    /// <param name="invoker">Null for HTTP; tests pass the client's in-memory invoker.</param>
    /// <param name="pause">Waits between tries; tests pass one that does not wait.</param>
    public ElasticsearchConnection(ElasticsearchSearchOptions options, IRequestInvoker? invoker = null,
        Func<TimeSpan, CancellationToken, Task>? pause = null)
    {
        if (options.Problems() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        var pool = new SingleNodePool(new Uri(options.Url!));
        var settings = invoker is null ? new ElasticsearchClientSettings(pool) : new ElasticsearchClientSettings(pool, invoker);
        settings.RequestTimeout(options.RequestTimeout)
            // The bodies are small or batched; buffering them puts them in error messages.
            .DisableDirectStreaming();
        if (!string.IsNullOrEmpty(options.ApiKey))
            settings.Authentication(new ApiKey(options.ApiKey));
        else if (!string.IsNullOrEmpty(options.Username))
            settings.Authentication(new BasicAuthentication(options.Username, options.Password!));
        if (!string.IsNullOrEmpty(options.CertificateFingerprint))
            settings.CertificateFingerprint(options.CertificateFingerprint);
        client = new ElasticsearchClient(settings);
        retries = options.Retries;
        this.pause = pause ?? Task.Delay;
    }

    /// <summary>Sends one request, retrying overload and timeouts; any other answer is returned as it is.</summary>
    public async Task<ElasticsearchAnswer> SendAsync(TransportMethod method, string path, PostData? body, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await SendOnceAsync(method, path, body, cancellationToken);
            var transient = answer.Status is null || Transient.Contains(answer.Status.Value);
            if (!transient)
                return answer;
            if (attempt >= retries)
                throw new SearchUnavailableException(
                    $"Elasticsearch did not answer {method} {path} after {attempt + 1} tries: {answer.Describe()}.");
            await PauseAsync(attempt, cancellationToken);
        }
    }

    /// <summary>Sends one request and throws unless it succeeded.</summary>
    public async Task<ElasticsearchAnswer> SendSuccessfulAsync(TransportMethod method, string path, PostData? body, string doing,
        CancellationToken cancellationToken)
    {
        var answer = await SendAsync(method, path, body, cancellationToken);
        return answer.IsSuccess ? answer : throw new SearchUnavailableException($"Elasticsearch refused to {doing}: {answer.Describe()}.");
    }

    /// <summary>The pause before try <paramref name="attempt"/> + 2: 250 ms, then 1 s, then 4 s.</summary>
    public Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        pause(TimeSpan.FromMilliseconds(250 * Math.Pow(4, attempt)), cancellationToken);

    private async Task<ElasticsearchAnswer> SendOnceAsync(TransportMethod method, string path, PostData? body, CancellationToken cancellationToken)
    {
        StringResponse response;
        try
        {
            response = body is null
                ? await client.Transport.RequestAsync<StringResponse>(method, path, cancellationToken)
                : await client.Transport.RequestAsync<StringResponse>(method, path, body, cancellationToken);
        }
        catch (TransportException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ElasticsearchAnswer(null, "");
        }
        cancellationToken.ThrowIfCancellationRequested();
        // A request that timed out or never connected has no status (or 0): no answer, to be retried.
        int? status = response.ApiCallDetails.HttpStatusCode is > 0 and var code ? code : null;
        return new ElasticsearchAnswer(status, response.Body ?? "");
    }
}
