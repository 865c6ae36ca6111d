using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = System.IO.Directory;

namespace ETicket.Search.Lucene;

/// <summary>
/// One index directory: its writer, and a near-real-time searcher over what the writer holds (so a
/// write is searchable after a refresh, long before it is committed). Searches run concurrently;
/// writes and commits are serialized by the caller. Reference counted, so a directory replaced by
/// a rebuild is closed and deleted only when its last search has finished.
/// </summary>
internal sealed class ListingIndexStore
{
    private readonly FSDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;

    /// <summary>Its segments' columns (see <see cref="ListingColumns"/>), loaded as refreshes and merges bring segments.</summary>
    private readonly ListingColumns.PerSegment columns;
    private int references = 1;
    private bool deleteWhenReleased;
    private bool uncommitted;

    /// <summary>While this store is being rebuilt: the versions that live writes put in it, which the older snapshot must not overwrite.</summary>
    private Dictionary<string, int>? liveVersions;

    private ListingIndexStore(string path, FSDirectory directory, IndexWriter writer, ListingColumns.PerSegment columns)
    {
        Path = path;
        this.directory = directory;
        this.writer = writer;
        this.columns = columns;
        searchers = new SearcherManager(writer, true, new TierSearcherFactory(columns));
        var data = writer.CommitData;
        Checkpoint = data.TryGetValue(ListingFields.CheckpointKey, out var checkpoint) && long.TryParse(checkpoint, out var sequence) ? sequence : null;
        MappingVersion = data.TryGetValue(ListingFields.MappingVersionKey, out var version) && int.TryParse(version, out var number) ? number : 0;
    }

    public string Path { get; }

    /// <summary>The outbox sequence of the last commit that recorded one.</summary>
    public long? Checkpoint { get; private set; }

    public int MappingVersion { get; }

    /// <summary>Its last search has ended and its files are released.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>A new, empty index in <paramref name="path"/>, committed at once so it can be opened again.</summary>
    public static ListingIndexStore Create(string path)
    {
        Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        try
        {
            var columns = new ListingColumns.PerSegment();
            var writer = new IndexWriter(directory, Config(OpenMode.CREATE, columns));
            writer.SetCommitData(CommitData(ListingFields.MappingVersion, null));
            writer.Commit();
            return new ListingIndexStore(path, directory, writer, columns) { liveVersions = new Dictionary<string, int>(StringComparer.Ordinal) };
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>The index in <paramref name="path"/>; throws when there is none or it cannot be read.</summary>
    public static ListingIndexStore Open(string path)
    {
        var directory = FSDirectory.Open(path);
        try
        {
            if (!DirectoryReader.IndexExists(directory))
                throw new InvalidDataException($"No index in {System.IO.Path.GetFileName(path)}.");
            var columns = new ListingColumns.PerSegment();
            var writer = new IndexWriter(directory, Config(OpenMode.APPEND, columns));
            try
            {
                // Opening a reader reads every segment's header: a damaged index fails here, not in a search.
                using (DirectoryReader.Open(writer, true))
                {
                }
                return new ListingIndexStore(path, directory, writer, columns);
            }
            catch
            {
                writer.Rollback();
                throw;
            }
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public ListingSearchPage Search(ListingSearchQuery query)
    {
        var searcher = searchers.Acquire();
        try
        {
            return Search(searcher, query, columns);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>One search on <paramref name="searcher"/>: the page, the total and both facets in one pass over the text's matches.</summary>
    internal static ListingSearchPage Search(IndexSearcher searcher, ListingSearchQuery query, ListingColumns.PerSegment columns)
    {
        var text = ListingTextQuery.For(query.Words) ?? new MatchAllDocsQuery();
        // One more than the page, to know whether another page follows.
        var top = TopFieldCollector.Create(ListingSorts.For(query.Sort, columns), query.First + 1,
            query.After is { } after ? ListingSorts.After(after) : null, true, false, false, false);
        var matches = new ListingMatchCollector(new ListingFilter(query), top, columns);
        searcher.Search(text, matches);
        var found = top.GetTopDocs().ScoreDocs;
        var hits = found.Take(query.First)
            .Select(hit => ListingSorts.CursorOf(query, (FieldDoc)hit))
            .Select(cursor => new ListingSearchHit(cursor.ListingId, cursor))
            .ToList();
        return new ListingSearchPage(hits, found.Length > query.First, matches.Total, matches.CategoryCounts(), matches.CityCounts());
    }

    /// <summary>
    /// Writes each listing's newest document unless the index already holds a newer version, then
    /// makes the writes searchable. The caller serializes writes, so the refreshed searcher sees all
    /// earlier ones.
    /// </summary>
    public void Apply(IEnumerable<ListingSearchDocument> documents)
    {
        var newest = documents.GroupBy(document => document.ListingId, StringComparer.Ordinal)
            .Select(group => group.MaxBy(document => document.Version)!);
        searchers.MaybeRefreshBlocking();
        var searcher = searchers.Acquire();
        try
        {
            foreach (var document in newest)
            {
                if (IndexedVersion(searcher, document.ListingId) > document.Version)
                    continue;
                liveVersions?[document.ListingId] = document.Version;
                writer.UpdateDocument(new Term(ListingFields.Id, document.ListingId), ListingDocumentMapper.ToDocument(document));
            }
        }
        finally
        {
            searchers.Release(searcher);
        }
        searchers.MaybeRefreshBlocking();
        uncommitted = true;
    }

    /// <summary>A batch of the rebuild's snapshot: one document per listing, older than any live write since.</summary>
    public void AddSnapshot(IEnumerable<ListingSearchDocument> documents)
    {
        foreach (var document in documents)
        {
            if (liveVersions is not null && liveVersions.TryGetValue(document.ListingId, out var live) && live > document.Version)
                continue;
            writer.UpdateDocument(new Term(ListingFields.Id, document.ListingId), ListingDocumentMapper.ToDocument(document));
        }
        uncommitted = true;
    }

    /// <summary>The rebuild is over: the store now takes only versioned writes, and is refreshed for searching.</summary>
    public void CompleteRebuild()
    {
        liveVersions = null;
        searchers.MaybeRefreshBlocking();
    }

    /// <summary>Makes the writes durable, recording <paramref name="checkpoint"/> with them (or keeping the last one).</summary>
    public void Commit(long? checkpoint)
    {
        if (checkpoint is not null)
            Checkpoint = checkpoint;
        writer.SetCommitData(CommitData(MappingVersion, Checkpoint));
        writer.Commit();
        uncommitted = false;
    }

    public void CommitIfChanged()
    {
        if (uncommitted)
            Commit(null);
    }

    /// <summary>For a search: false once the store is closed.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref references);
            if (current == 0)
                return false;
            if (Interlocked.CompareExchange(ref references, current + 1, current) == current)
                return true;
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref references) == 0)
            Close();
    }

    /// <summary>Replaced by a rebuild: closed and deleted, uncommitted, once the last search on it ends.</summary>
    public void Retire()
    {
        deleteWhenReleased = true;
        Release();
    }

    /// <summary>Shutting down: commits, then closes once the last search on it ends.</summary>
    public void Shutdown()
    {
        CommitIfChanged();
        Release();
    }

    private void Close()
    {
        IsClosed = true;
        searchers.Dispose();
        if (deleteWhenReleased)
            writer.Rollback(); // its successor holds everything; a commit would only cost time
        else
            writer.Dispose();
        directory.Dispose();
        if (deleteWhenReleased && Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }

    private static long? IndexedVersion(IndexSearcher searcher, string listingId)
    {
        var top = searcher.Search(new TermQuery(new Term(ListingFields.Id, listingId)), 1);
        if (top.ScoreDocs.Length == 0)
            return null;
        var doc = top.ScoreDocs[0].Doc;
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return leaf.AtomicReader.GetNumericDocValues(ListingFields.Version)?.Get(doc - leaf.DocBase);
    }

    private static IndexWriterConfig Config(OpenMode mode, ListingColumns.PerSegment columns) => new(ListingAnalysis.Version, ListingAnalysis.ForIndex)
    {
        OpenMode = mode,
        MergedSegmentWarmer = new ListingColumns.MergeWarmer(columns),
    };

    private static Dictionary<string, string> CommitData(int mappingVersion, long? checkpoint)
    {
        var data = new Dictionary<string, string> { [ListingFields.MappingVersionKey] = mappingVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (checkpoint is { } sequence)
            data[ListingFields.CheckpointKey] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return data;
    }

    private sealed class TierSearcherFactory(ListingColumns.PerSegment columns) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            columns.Warm(reader);
            return new IndexSearcher(reader) { Similarity = new TierSimilarity() };
        }
    }
}
