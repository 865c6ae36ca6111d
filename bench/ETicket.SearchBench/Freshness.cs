using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ETicket.SearchBench;

/// <summary>One published listing: how long publishListing took to answer, and how long until a search first returned it.</summary>
public sealed record FreshnessProbe(double PublishMs, double FoundMs);

/// <summary>How long published listings took to be found.</summary>
/// <param name="WarmUp">The probes run one at a time before the measured ones, not counted: a process's first publishes pay for JIT and query compilation.</param>
public sealed record FreshnessResult(int Published, double PerSecond, IReadOnlyList<FreshnessProbe> Found, int NotFound, TimeSpan Deadline,
    IReadOnlyList<FreshnessProbe> WarmUp)
{
    /// <summary>From sending publishListing to the first search that returned the listing.</summary>
    public double FoundPercentile(double p) => NearestRank.Of(Found.Select(f => f.FoundMs), p);

    /// <summary>From publishListing's answer (the listing committed) to the first search that returned it.</summary>
    public double AfterAnswerPercentile(double p) => NearestRank.Of(Found.Select(f => f.FoundMs - f.PublishMs), p);

    public double PublishPercentile(double p) => NearestRank.Of(Found.Select(f => f.PublishMs), p);

    /// <summary>How long publishListing took to answer each warm-up probe, in order.</summary>
    public string WarmUpPublishMs => string.Join(", ", WarmUp.Select(w => $"{w.PublishMs:F0}"));
}

/// <summary>
/// Freshness under a publishing load: a seller publishes listings through GraphQL at a steady rate,
/// and for each one a poller searches (searchListings, every <see cref="PollEvery"/>) for the word
/// only its title holds until the listing is found. The delay covers the publish itself (its commit),
/// the outbox, the indexer and the near-real-time refresh, as a buyer would see it.
/// </summary>
public sealed class Freshness(Uri graphql, string accessToken) : IDisposable
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);

    /// <summary>The probes' seller and titles, which the seeder leaves out when it counts what it seeded.</summary>
    public const string SellerPhoneNumber = "13700000001";
    public const string TitlePrefix = "新鲜度探针";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private const int WarmUpProbes = 5;

    private readonly HttpClient http = new() { DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) } };

    public async Task<FreshnessResult> RunAsync(int count, double perSecond, CancellationToken cancellationToken)
    {
        // Letters only and of one length, so no probe's word is a prefix of another's, in this run or an earlier one.
        var run = Letters(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 7);
        var warmUp = new List<FreshnessProbe>();
        for (var i = 0; i < WarmUpProbes; i++)
            warmUp.Add(await ProbeAsync("zw" + run + Letters(i, 3), cancellationToken)
                       ?? throw new InvalidOperationException("A warm-up listing was not found within the deadline."));
        var probes = new List<Task<FreshnessProbe?>>(count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), start + (long)(i / perSecond * Stopwatch.Frequency));
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken);
            probes.Add(ProbeAsync("zq" + run + Letters(i, 3), cancellationToken));
        }
        var delays = await Task.WhenAll(probes);
        return new FreshnessResult(count, perSecond, [.. delays.OfType<FreshnessProbe>()], delays.Count(d => d is null), Deadline, warmUp);
    }

    private async Task<FreshnessProbe?> ProbeAsync(string word, CancellationToken cancellationToken)
    {
        var sent = Stopwatch.GetTimestamp();
        var input = new
        {
            category = "SHOW",
            title = $"{TitlePrefix} {word}",
            faceValue = "100",
            price = "100",
            ticketCode = $"FRESH-{word}",
            city = "拉萨",
            venue = "拉萨音乐厅",
            startsAt = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        };
        var published = await PostAsync(
            "mutation($input: PublishListingInput!) { publishListing(input: $input) { listing { id } errors { code message } } }",
            new { input }, cancellationToken);
        var id = published["publishListing"]?["listing"]?["id"]?.GetValue<string>()
                 ?? throw new InvalidOperationException($"publishListing failed: {published.ToJsonString()}");
        var answered = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        while (Stopwatch.GetElapsedTime(sent) < Deadline)
        {
            var found = await PostAsync(
                "query($input: SearchListingsInput!) { searchListings(input: $input, first: 5) { listings { nodes { id } } } }",
                new { input = new { text = word } }, cancellationToken);
            var nodes = found["searchListings"]?["listings"]?["nodes"]?.AsArray() ?? [];
            if (nodes.Any(n => n?["id"]?.GetValue<string>() == id))
                return new FreshnessProbe(answered, Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            await Task.Delay(PollEvery, cancellationToken);
        }
        return null;
    }

    private async Task<JsonNode> PostAsync(string query, object variables, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(graphql, new { query, variables }, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken) ?? throw new InvalidOperationException("Empty response.");
        return body["data"] is { } data && body["errors"] is null
            ? data
            : throw new InvalidOperationException($"{(int)response.StatusCode}: {body.ToJsonString()}");
    }

    private static string Letters(long value, int length)
    {
        var letters = new StringBuilder(length);
        for (var i = 0; i < length; i++, value /= 26)
            letters.Insert(0, (char)('a' + value % 26));
        return letters.ToString();
    }

    public void Dispose() => http.Dispose();
}
