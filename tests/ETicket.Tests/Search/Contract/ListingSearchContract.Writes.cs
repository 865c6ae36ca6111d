using System.Collections.Concurrent;
using ETicket.Domain.Listings;
using ETicket.Search;

namespace ETicket.Tests.Search.Contract;

public abstract partial class ListingSearchContract
{
    [Fact]
    public async Task A_write_older_than_the_indexed_version_is_ignored()
    {
        var listing = Listing("Coldplay");
        var sold = listing with { Version = 3, Status = ListingStatus.Sold };
        await Add(listing with { Version = 2, Price = 200m });

        await Add(listing); // version 1, late
        Assert.Equal(Ids(listing), await Found(minPrice: 200m));

        await Add(sold);
        await Add(listing with { Version = 2, Price = 200m }); // replayed
        Assert.Empty(await Found("coldplay"));

        await Add(sold with { Status = ListingStatus.OnSale, Price = 300m }); // the same version again
        Assert.Equal(Ids(listing), await Found(minPrice: 300m));
    }

    [Fact]
    public async Task The_newest_of_several_versions_in_one_batch_wins_whatever_their_order()
    {
        var listing = Listing("Coldplay");
        await Add(listing with { Version = 3, Price = 300m }, listing with { Version = 5, Price = 500m }, listing with { Version = 4, Price = 400m });

        var page = await Search("coldplay", sort: ListingSearchSort.PriceAsc);

        Assert.Equal(Ids(listing), Ids(page));
        Assert.Equal(50_000, page.Hits[0].Cursor.Key);
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task A_write_is_found_by_the_next_search()
    {
        var listing = Listing("五月天");
        await Add(listing);
        Assert.Equal(Ids(listing), await Found("五月天"));

        await Add(listing with { Version = 2, Status = ListingStatus.Reserved });
        Assert.Empty(await Found("五月天"));

        await Add(listing with { Version = 3 }); // the purchase was cancelled: on sale again
        Assert.Equal(Ids(listing), await Found("五月天"));
    }

    [Fact]
    public async Task The_checkpoint_and_the_writes_before_it_survive_a_restart()
    {
        Assert.Equal(new SearchIndexState(SearchIndexHealth.Ready, 0), await Index.InspectAsync(Ct));
        var listing = Listing("周杰伦");
        await Add(listing);
        await Index.SaveCheckpointAsync(42, null, Ct);
        await Close(Index);

        var reopened = Open();

        Assert.Equal(new SearchIndexState(SearchIndexHealth.Ready, 42), await reopened.InspectAsync(Ct));
        Assert.Equal(Ids(listing), Ids(await reopened.SearchAsync(
            new ListingSearchRequest("周杰伦", null, null, null, null, null, null, ListingSearchSort.Relevance, null, null).Validated(Now), Ct)));
    }

    [Fact]
    public async Task A_rebuild_replaces_the_index_while_searches_keep_being_answered()
    {
        var old = Listing("Coldplay old");
        await Add(old);
        var rebuilt = Enumerable.Range(0, 300).Select(i => Listing("Coldplay " + i, city: i % 2 == 0 ? "上海" : "北京")).ToArray();
        var failures = new ConcurrentQueue<Exception>();
        var answered = 0;
        using var stop = new CancellationTokenSource();
        var searches = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var page = await Search("coldplay", first: 5);
                    Assert.True(page.TotalCount is 1 or 300, $"a search saw {page.TotalCount} listings: half an index");
                    Interlocked.Increment(ref answered);
                }
                catch (Exception exception)
                {
                    failures.Enqueue(exception);
                }
            }
        })).ToList();

        await Index.RebuildAsync(Stream(rebuilt), new RebuiltIndex(7, 7), Ct);
        while (Volatile.Read(ref answered) < 10)
            await Task.Delay(10, Ct);
        await stop.CancelAsync();
        await Task.WhenAll(searches);

        Assert.Empty(failures);
        Assert.Equal(new SearchIndexState(SearchIndexHealth.Ready, 7), await Index.InspectAsync(Ct));
        var page = await Search("coldplay", first: 1);
        Assert.Equal(300, page.TotalCount);
        Assert.DoesNotContain(old.ListingId, await Found("old"));
        Assert.Equal([new("上海", 150), new FacetCount<string>("北京", 150)], page.CityCounts);
    }

    [Fact]
    public async Task Searches_are_answered_while_writes_run()
    {
        var listings = Enumerable.Range(0, 200).Select(i => Listing("Coldplay " + i, price: i)).ToArray();
        var writes = Task.Run(async () =>
        {
            foreach (var batch in listings.Chunk(20))
                await Add(batch);
        }, Ct);
        var seen = new ConcurrentBag<int>();
        var searches = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            do
            {
                var page = await Search("coldplay", sort: ListingSearchSort.PriceAsc, first: 10);
                Assert.Equal(page.Hits.Count, Math.Min(10, page.TotalCount));
                seen.Add(page.TotalCount);
            } while (!writes.IsCompleted);
        }, Ct)).ToList();

        await writes;
        await Task.WhenAll(searches);

        Assert.All(seen, total => Assert.InRange(total, 0, 200));
        var last = await Search("coldplay", sort: ListingSearchSort.PriceAsc, first: 100);
        Assert.Equal(200, last.TotalCount);
        Assert.Equal(Ids(listings[..100]), Ids(last));
    }

    [Fact]
    public void Search_documents_and_hits_carry_no_ticket_code()
    {
        var carried = typeof(ListingSearchDocument).GetProperties().Concat(typeof(ListingSearchHit).GetProperties())
            .Concat(typeof(ListingSearchPage).GetProperties()).Select(property => property.Name);

        Assert.DoesNotContain(carried, name => name.Contains("Code", StringComparison.OrdinalIgnoreCase));
    }
}
