using Lucene.Net.Index;
using Lucene.Net.Search;
using JavaInt64 = J2N.Numerics.Int64;

namespace ETicket.Search.Lucene;

/// <summary>
/// Sorts on a <see cref="ListingColumns"/> array instead of doc values: the sort reads the key of
/// every matching listing, so this is the other half of a fast category browse. Values go in and
/// out of cursors as J2N Int64, as Lucene's own long sort does.
/// </summary>
internal sealed class ColumnComparerSource(ListingColumns.PerSegment columns, Func<ListingColumns, long[]> column) : FieldComparerSource
{
    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) =>
        new ColumnComparer(columns, column, numHits);

    private sealed class ColumnComparer(ListingColumns.PerSegment columns, Func<ListingColumns, long[]> column, int numHits) : FieldComparer<JavaInt64>
    {
        private readonly long[] slots = new long[numHits];
        private long[] values = [];
        private long bottom;
        private long top;

        public override JavaInt64 this[int slot] => JavaInt64.GetInstance(slots[slot]);

        public override int Compare(int slot1, int slot2) => slots[slot1].CompareTo(slots[slot2]);

        public override void SetBottom(int slot) => bottom = slots[slot];

        public override void SetTopValue(JavaInt64 value) => top = value.ToInt64();

        public override int CompareBottom(int doc) => bottom.CompareTo(values[doc]);

        public override int CompareTop(int doc) => top.CompareTo(values[doc]);

        public override void Copy(int slot, int doc) => slots[slot] = values[doc];

        public override FieldComparer SetNextReader(AtomicReaderContext context)
        {
            values = column(columns.For(context.AtomicReader));
            return this;
        }

        public override int CompareValues(JavaInt64 first, JavaInt64 second) => first.ToInt64().CompareTo(second.ToInt64());
    }
}
