using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ETicket.LiveBench;

/// <summary>A seller who publishes listings through the API at a steady rate, noting when each request left.</summary>
public sealed class Publisher(Uri graphql) : IDisposable
{
    private readonly HttpClient _http = new();

    public async Task SignInAsync(string phoneNumber, string nickname)
    {
        var data = await PostAsync(
            "mutation($input: SignInForDevelopmentInput!) { signInForDevelopment(input: $input) { session { accessToken } errors { code message } } }",
            new { input = new { phoneNumber, nickname } });
        var token = data["signInForDevelopment"]?["session"]?["accessToken"]?.GetValue<string>()
                    ?? throw new InvalidOperationException($"Sign-in failed: {data.ToJsonString()}");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Publishes <paramref name="count"/> listings, one every 1/<paramref name="perSecond"/> s; returns when each request was sent.</summary>
    public async Task<long[]> PublishAsync(int count, double perSecond, string runName)
    {
        var sent = new long[count];
        var pending = new List<Task>(count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i / perSecond * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            sent[i] = Stopwatch.GetTimestamp();
            pending.Add(PublishOneAsync(runName, i));
        }
        await Task.WhenAll(pending);
        return sent;
    }

    private async Task PublishOneAsync(string runName, int index)
    {
        var input = new
        {
            category = "CONCERT",
            title = $"基准测试 {runName} #{index}",
            faceValue = "680",
            price = "680",
            ticketCode = $"BENCH-{runName}-{index}-{Guid.NewGuid():N}",
            city = "上海",
            venue = "梅赛德斯奔驰文化中心",
            startsAt = DateTimeOffset.UtcNow.AddDays(60).ToString("yyyy-MM-ddTHH:mm:ssZ"),
        };
        var data = await PostAsync("mutation($input: PublishListingInput!) { publishListing(input: $input) { listing { id } errors { code message } } }", new { input });
        if (data["publishListing"]?["errors"]?.AsArray().Count is not 0)
            throw new InvalidOperationException($"publishListing failed: {data.ToJsonString()}");
    }

    private async Task<JsonNode> PostAsync(string query, object variables)
    {
        using var response = await _http.PostAsJsonAsync(graphql, new { query, variables });
        var body = await response.Content.ReadFromJsonAsync<JsonNode>() ?? throw new InvalidOperationException("Empty response.");
        return body["data"] ?? throw new InvalidOperationException($"{(int)response.StatusCode}: {body.ToJsonString()}");
    }

    public void Dispose() => _http.Dispose();
}
