using ETicket.Domain.Listings;
using ETicket.Search;

namespace ETicket.Tests.Search.Contract;

/// <summary>
/// What every search backend must do (issue 14), run against each backend by a subclass. The index
/// starts empty and built; the opener reopens the same storage, for the tests that restart it.
/// </summary>
public abstract partial class ListingSearchContract(Func<IListingSearchIndex> openIndex) : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<IListingSearchIndex> opened = [];
    private int lastId;

    protected IListingSearchIndex Index { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Index = Open();
        await Index.RebuildAsync(Stream([]), new RebuiltIndex(0, 0), Ct);
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var index in opened)
            await Close(index);
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens the backend's storage again (after <see cref="Close"/>), as a restarted process would.</summary>
    protected IListingSearchIndex Open()
    {
        var index = openIndex();
        opened.Add(index);
        return index;
    }

    protected static async ValueTask Close(IListingSearchIndex index)
    {
        switch (index)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <summary>A listing on sale, unexpired, with ids in creation order (so id order is creation order).</summary>
    protected ListingSearchDocument Listing(string title, string? description = null, string? venue = null, string? city = null,
        TicketCategory category = TicketCategory.Concert, decimal price = 100m, DateTimeOffset? startsAt = null,
        DateTimeOffset? publishedAt = null, DateTimeOffset? expiresAt = null, ListingStatus status = ListingStatus.OnSale)
    {
        var number = ++lastId;
        return new ListingSearchDocument(number.ToString("x32"), 1, status, category, title, description, venue, city, startsAt, price,
            publishedAt ?? Now.AddDays(-10).AddMinutes(number), expiresAt ?? Now.AddDays(30), RepricedAt: null);
    }

    protected Task Add(params ListingSearchDocument[] listings) => Index.WriteAsync(listings, Ct);

    protected Task<ListingSearchPage> Search(string? text = null, TicketCategory[]? categories = null, string? city = null,
        DateTimeOffset? startsFrom = null, DateTimeOffset? startsTo = null, decimal? minPrice = null, decimal? maxPrice = null,
        ListingSearchSort sort = ListingSearchSort.Relevance, int first = 20, SearchCursor? after = null) =>
        Index.SearchAsync(new ListingSearchRequest(text, categories, city, startsFrom, startsTo, minPrice, maxPrice, sort, first, after?.Encode())
            .Validated(Now), Ct);

    protected async Task<IReadOnlyList<string>> Found(string? text = null, TicketCategory[]? categories = null, string? city = null,
        DateTimeOffset? startsFrom = null, DateTimeOffset? startsTo = null, decimal? minPrice = null, decimal? maxPrice = null,
        ListingSearchSort sort = ListingSearchSort.Relevance) =>
        Ids(await Search(text, categories, city, startsFrom, startsTo, minPrice, maxPrice, sort, first: 100));

    protected static IReadOnlyList<string> Ids(ListingSearchPage page) => page.Hits.Select(hit => hit.ListingId).ToList();

    protected static IReadOnlyList<string> Ids(params ListingSearchDocument[] listings) => listings.Select(listing => listing.ListingId).ToList();

    protected static async IAsyncEnumerable<ListingSearchDocument> Stream(IEnumerable<ListingSearchDocument> listings)
    {
        foreach (var listing in listings)
        {
            await Task.Yield();
            yield return listing;
        }
    }
}
