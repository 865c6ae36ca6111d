using System.Globalization;
using System.Text.Json;
using ETicket.Bench;
using ETicket.Search;
using ETicket.Search.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace ETicket.SearchBench;

/// <summary>
/// The yardsticks searchListings is measured against, as plain ASP.NET Core endpoints (no GraphQL,
/// no EF Core) on one loopback server. Both read the same POST body into the same validated query
/// the platform builds, and write the platform's JSON shape.
/// <list type="bullet">
/// <item><c>/lucene</c>, the raw Lucene floor: the platform's own query, filter, sort and facet
/// building (ListingTextQuery, ListingFilter, ListingSorts, ListingMatchCollector) run straight on
/// an IndexSearcher over the platform's committed index, then the page's listings read by id with
/// one SQL statement, as the platform reads them.</item>
/// <item><c>/like</c>: the search as SQL <c>LIKE '%word%'</c> (<see cref="SqlListings.LikeAsync"/>),
/// page by OFFSET; its cursor is the offset.</item>
/// </list>
/// </summary>
public sealed class SearchFloors : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly DirectoryReader reader;
    private readonly FSDirectory directory;

    private readonly IndexSearcher searcher;
    private readonly ListingColumns.PerSegment columns;

    private SearchFloors(WebApplication app, FSDirectory directory, DirectoryReader reader, IndexSearcher searcher, ListingColumns.PerSegment columns, Uri lucene, Uri like) =>
        (this.app, this.directory, this.reader, this.searcher, this.columns, Lucene, Like) = (app, directory, reader, searcher, columns, lucene, like);

    public Uri Lucene { get; }
    public Uri Like { get; }

    /// <param name="indexRoot">The platform's search folder (ETicket:DataDirectory/search): the floor reads the index it points at.</param>
    public static async Task<SearchFloors> StartAsync(string indexRoot, SqlListings sql)
    {
        var path = new IndexDirectories(indexRoot).Current() ?? throw new InvalidOperationException("The platform has built no index yet.");
        var directory = FSDirectory.Open(path);
        var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new TierSimilarity() };
        var columns = new ListingColumns.PerSegment();

        var builder = LoopbackServer.CreateBuilder();
        var app = builder.Build();
        app.MapPost("/lucene", async (HttpContext http) =>
        {
            var query = await ReadQueryAsync(http);
            var page = Search(searcher, columns, query);
            var rows = await sql.FindAsync([.. page.Hits.Select(h => h.ListingId)], http.RequestAborted);
            var answer = new SearchAnswer(page.TotalCount, [.. page.Hits.Where(h => rows.ContainsKey(h.ListingId)).Select(h => rows[h.ListingId])],
                page.Hits.Count > 0 ? page.Hits[^1].Cursor.Encode() : null, page.HasNextPage, page.CategoryCounts, page.CityCounts);
            await answer.WriteAsync(http.Response, http.RequestAborted);
        });
        app.MapPost("/like", async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var request = SearchBody.Read(body.RootElement);
            var offset = request.After is { } after ? int.Parse(after, CultureInfo.InvariantCulture) : 0;
            var query = (request with { After = null }).Validated(DateTimeOffset.UtcNow);
            var rows = await sql.LikeAsync(query, offset, query.First + 1, http.RequestAborted);
            var page = rows.Take(query.First).ToList();
            var answer = new SearchAnswer(null, page, (offset + page.Count).ToString(CultureInfo.InvariantCulture), rows.Count > query.First, [], []);
            await answer.WriteAsync(http.Response, http.RequestAborted);
        });
        var lucene = await LoopbackServer.StartAsync(app, "/lucene");
        return new SearchFloors(app, directory, reader, searcher, columns, lucene, new Uri(lucene, "/like"));
    }

    /// <summary>Where the time of the search in <paramref name="bodyFile"/> goes (<see cref="SearchProfile"/>).</summary>
    public IReadOnlyList<ProfileStep> Profile(string bodyFile)
    {
        using var body = JsonDocument.Parse(File.ReadAllBytes(bodyFile));
        return SearchProfile.Measure(searcher, columns, SearchBody.Read(body.RootElement).Validated(DateTimeOffset.UtcNow));
    }

    private static async Task<ListingSearchQuery> ReadQueryAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        return SearchBody.Read(body.RootElement).Validated(DateTimeOffset.UtcNow);
    }

    /// <summary>The platform's own search, on a bare searcher (no near-real-time manager, no reference counting).</summary>
    private static ListingSearchPage Search(IndexSearcher searcher, ListingColumns.PerSegment columns, ListingSearchQuery query) =>
        ListingIndexStore.Search(searcher, query, columns);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        reader.Dispose();
        directory.Dispose();
    }
}
