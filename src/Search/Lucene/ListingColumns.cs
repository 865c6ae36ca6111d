using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace ETicket.Search.Lucene;

/// <summary>
/// A segment's filter, sort and facet values as plain arrays. Reading Lucene.NET doc values costs tens of
/// nanoseconds a value, and a facet pass reads six per matching listing (a million, for a category
/// browse); an array read costs one. A segment never changes, so its columns are loaded once, when a
/// refresh first shows it (<see cref="PerSegment.Warm"/>), and dropped with it. About 60 bytes a listing.
/// </summary>
internal sealed class ListingColumns
{
    private ListingColumns(AtomicReader reader)
    {
        var count = reader.MaxDoc;
        Status = new byte[count];
        Category = new byte[count];
        ExpiresAt = new long[count];
        StartsAt = new long[count];
        Price = new long[count];
        PublishedAt = new long[count];
        RepricedAt = new long[count];
        CityOrd = new int[count];
        var status = reader.GetNumericDocValues(ListingFields.Status);
        var category = reader.GetNumericDocValues(ListingFields.Category);
        var expiresAt = reader.GetNumericDocValues(ListingFields.ExpiresAt);
        var startsAt = reader.GetNumericDocValues(ListingFields.StartsAt);
        var price = reader.GetNumericDocValues(ListingFields.Price);
        var publishedAt = reader.GetNumericDocValues(ListingFields.PublishedAt);
        var repricedAt = reader.GetNumericDocValues(ListingFields.RepricedAt);
        var cities = reader.GetSortedDocValues(ListingFields.City);
        for (var doc = 0; doc < count; doc++)
        {
            // A document without values (none are written so) reads as a status that is not on sale.
            Status[doc] = (byte)(status?.Get(doc) ?? byte.MaxValue);
            Category[doc] = (byte)(category?.Get(doc) ?? byte.MaxValue);
            ExpiresAt[doc] = expiresAt?.Get(doc) ?? long.MinValue;
            StartsAt[doc] = startsAt?.Get(doc) ?? long.MaxValue;
            Price[doc] = price?.Get(doc) ?? 0;
            PublishedAt[doc] = publishedAt?.Get(doc) ?? 0;
            RepricedAt[doc] = repricedAt?.Get(doc) ?? 0; // 0, never repriced: also in an index built before the field (Outdated, still answering)
            CityOrd[doc] = cities?.GetOrd(doc) ?? -1;
        }
    }

    public byte[] Status { get; }
    public byte[] Category { get; }
    public long[] ExpiresAt { get; }
    /// <summary>Ticks, or <see cref="long.MaxValue"/> for none.</summary>
    public long[] StartsAt { get; }
    public long[] Price { get; }
    public long[] PublishedAt { get; }
    public long[] RepricedAt { get; }
    /// <summary>
    /// The ord of the city in the segment's city doc values, or -1 for none. The names stay there:
    /// doc values instances are per thread, so each search asks its reader for them.
    /// </summary>
    public int[] CityOrd { get; }

    /// <summary>
    /// The columns of one index's segments, kept by its <see cref="ListingIndexStore"/>: each
    /// segment's, keyed by its core, which the store's readers share, and dropped with it.
    /// </summary>
    public sealed class PerSegment
    {
        private readonly ConditionalWeakTable<object, ListingColumns> _bySegment = [];

        public ListingColumns For(AtomicReader reader) => _bySegment.GetValue(reader.CoreCacheKey, _ => new ListingColumns(reader));

        /// <summary>Loads the columns of segments a refresh brings, before any search waits for them.</summary>
        public void Warm(IndexReader reader)
        {
            foreach (var leaf in reader.Leaves)
                For(leaf.AtomicReader);
        }
    }

    /// <summary>Loads the columns of a segment a merge made, before a refresh shows it.</summary>
    public sealed class MergeWarmer(PerSegment columns) : IndexWriter.IndexReaderWarmer
    {
        public override void Warm(AtomicReader reader) => columns.For(reader);
    }
}
