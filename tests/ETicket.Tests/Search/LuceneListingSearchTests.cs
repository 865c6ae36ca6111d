using ETicket.Search;
using ETicket.Search.Lucene;
using ETicket.Tests.Search.Contract;
using Lucene.Net.Index;
using Microsoft.Extensions.Time.Testing;
using Lucene.Net.Store;
using Directory = System.IO.Directory;

namespace ETicket.Tests.Search;

/// <summary>The behaviour suite on the embedded backend, and what only a folder on disk can show.</summary>
public sealed class LuceneListingSearchTests : ListingSearchContract
{
    private readonly string folder;

    /// <summary>Times the batched commits: a test moves it to make one happen.</summary>
    private readonly FakeTimeProvider clock;

    public LuceneListingSearchTests() : this(Path.Combine(Path.GetTempPath(), "eticket-search-" + Guid.NewGuid().ToString("N")), new FakeTimeProvider())
    {
    }

    private LuceneListingSearchTests(string folder, FakeTimeProvider clock) : base(() => new LuceneListingSearchIndex(folder, clock))
    {
        this.folder = folder;
        this.clock = clock;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    private IEnumerable<string> IndexDirectories() => Directory.EnumerateDirectories(folder).Select(Path.GetFileName).Order()!;

    [Fact]
    public async Task A_folder_without_an_index_is_missing_and_refuses_searches_and_writes_until_built()
    {
        await Close(Index);
        Directory.Delete(folder, recursive: true);

        var index = Open();

        Assert.Equal(new SearchIndexState(SearchIndexHealth.Missing, null), await index.InspectAsync(Ct));
        await Assert.ThrowsAsync<SearchIndexUnavailableException>(() => index.WriteAsync([Listing("A")], Ct));
        await Assert.ThrowsAsync<SearchIndexUnavailableException>(() => index.SearchAsync(
            new ListingSearchRequest(null, null, null, null, null, null, null, ListingSearchSort.Newest, null, null).Validated(Now), Ct));
        var listing = Listing("B");
        await index.RebuildAsync(Stream([listing]), new RebuiltIndex(3, 3), Ct);
        Assert.Equal(new SearchIndexState(SearchIndexHealth.Ready, 3), await index.InspectAsync(Ct));
    }

    [Fact]
    public async Task Garbage_in_the_index_files_is_corrupt_and_a_rebuild_recovers()
    {
        await Add(Listing("Coldplay"));
        await Close(Index);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, Assert.Single(IndexDirectories()))))
            await File.WriteAllBytesAsync(file, Enumerable.Range(0, 64).Select(i => (byte)(i * 37)).ToArray(), Ct);

        var index = Open();

        Assert.Equal(SearchIndexHealth.Corrupt, (await index.InspectAsync(Ct)).Health);
        await Assert.ThrowsAsync<SearchIndexUnavailableException>(() => index.WriteAsync([Listing("A")], Ct));
        var listing = Listing("Coldplay again");
        await index.RebuildAsync(Stream([listing]), new RebuiltIndex(9, 9), Ct);
        Assert.Equal(new SearchIndexState(SearchIndexHealth.Ready, 9), await index.InspectAsync(Ct));
        Assert.Single(IndexDirectories()); // the unreadable one is gone
    }

    [Fact]
    public async Task A_pointer_that_names_no_index_is_corrupt()
    {
        await Close(Index);
        await File.WriteAllTextAsync(Path.Combine(folder, "current"), "../../etc", Ct);

        Assert.Equal(SearchIndexHealth.Corrupt, (await Open().InspectAsync(Ct)).Health);
    }

    [Fact]
    public void A_folder_another_index_has_open_is_refused_not_taken_for_corrupt() =>
        Assert.Throws<LockObtainFailedException>(() => new LuceneListingSearchIndex(folder).Dispose());

    [Fact]
    public async Task An_index_from_an_older_mapping_is_outdated_but_answers()
    {
        var listing = Listing("Coldplay");
        await Add(listing);
        await Index.SaveCheckpointAsync(5, null, Ct);
        await Close(Index);
        MarkMappingVersion(Path.Combine(folder, Assert.Single(IndexDirectories())), 0);

        var index = Open();

        Assert.Equal(new SearchIndexState(SearchIndexHealth.Outdated, 5), await index.InspectAsync(Ct));
        var page = await index.SearchAsync(
            new ListingSearchRequest("coldplay", null, null, null, null, null, null, ListingSearchSort.Relevance, null, null).Validated(Now), Ct);
        Assert.Equal(listing.ListingId, Assert.Single(page.Hits).ListingId);
    }

    [Fact]
    public async Task A_rebuild_switches_directories_and_deletes_the_old_one()
    {
        var before = Assert.Single(IndexDirectories());

        await Index.RebuildAsync(Stream([Listing("A")]), new RebuiltIndex(1, 1), Ct);

        var after = Assert.Single(IndexDirectories());
        Assert.NotEqual(before, after);
        Assert.Equal(after, (await File.ReadAllTextAsync(Path.Combine(folder, "current"), Ct)).Trim());
    }

    [Fact]
    public async Task Writes_during_a_rebuild_reach_the_new_index_and_beat_older_snapshot_documents()
    {
        var changed = Listing("Coldplay", price: 100m);
        var published = Listing("五月天", price: 50m);
        var snapshot = new[] { Listing("周杰伦"), changed };

        async IAsyncEnumerable<ListingSearchDocument> SnapshotWithWritesDuring()
        {
            yield return snapshot[0];
            // The snapshot was read before these: the live writes are newer.
            await Index.WriteAsync([changed with { Version = 2, Price = 120m }, published], Ct);
            yield return snapshot[1];
        }

        await Index.RebuildAsync(SnapshotWithWritesDuring(), new RebuiltIndex(4, 4), Ct);

        Assert.Equal(3, (await Search()).TotalCount);
        Assert.Equal(Ids(changed), await Found("coldplay", minPrice: 120m));
        Assert.Equal(Ids(published), await Found("五月天"));
    }

    [Fact]
    public async Task A_failed_rebuild_leaves_the_current_index_answering()
    {
        var listing = Listing("Coldplay");
        await Add(listing);

        async IAsyncEnumerable<ListingSearchDocument> Failing()
        {
            yield return Listing("A");
            await Task.Yield();
            throw new InvalidOperationException("the database went away");
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => Index.RebuildAsync(Failing(), new RebuiltIndex(8, 8), Ct));

        Assert.Equal(new SearchIndexState(SearchIndexHealth.Ready, 0), await Index.InspectAsync(Ct));
        Assert.Equal(Ids(listing), await Found("coldplay"));
        Assert.Single(IndexDirectories());
    }

    [Fact]
    public async Task Writes_are_committed_to_disk_by_the_next_batched_commit_without_a_checkpoint()
    {
        var directory = Path.Combine(folder, Assert.Single(IndexDirectories()));
        await Add(Listing("A"), Listing("B"));
        Assert.Equal(0, CommittedListings(directory)); // searchable already, not yet durable

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, CommittedListings(directory));
        Assert.Equal(new SearchIndexState(SearchIndexHealth.Ready, 0), await Index.InspectAsync(Ct)); // the checkpoint stays where it was saved
    }

    private static int CommittedListings(string path)
    {
        using var directory = FSDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        return reader.NumDocs;
    }

    /// <summary>Rewrites the commit's mapping version, as an index built by an earlier release would have it.</summary>
    private static void MarkMappingVersion(string path, int version)
    {
        using var directory = FSDirectory.Open(path);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, null) { OpenMode = OpenMode.APPEND });
        var data = new Dictionary<string, string>(writer.CommitData) { ["eticket.mappingVersion"] = version.ToString() };
        writer.SetCommitData(data);
        writer.Commit();
    }
}
