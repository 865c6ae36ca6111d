using JavaInt64 = J2N.Numerics.Int64;
using JavaSingle = J2N.Numerics.Single;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ETicket.Search.Lucene;

/// <summary>
/// Each sort as Lucene sort fields, ending with the listing id (unique, so the order is total), and
/// the translation between a hit's sort values and a <see cref="SearchCursor"/>.
/// </summary>
internal static class ListingSorts
{
    private static readonly SortField ById = new(ListingFields.Id, SortFieldType.STRING);

    /// <param name="columns">The columns of the index searched, which the sort reads.</param>
    public static Sort For(ListingSearchSort sort, ListingColumns.PerSegment columns) => sort switch
    {
        // FIELD_SCORE is highest first; the tiers tie often, so newest first decides within one.
        ListingSearchSort.Relevance => new Sort(SortField.FIELD_SCORE, Newest(columns), ById),
        ListingSearchSort.StartsAtAsc => new Sort(new SortField(ListingFields.StartsAt, new ColumnComparerSource(columns, static c => c.StartsAt)), ById),
        ListingSearchSort.PriceAsc => new Sort(new SortField(ListingFields.Price, new ColumnComparerSource(columns, static c => c.Price)), ById),
        ListingSearchSort.PriceDesc => new Sort(new SortField(ListingFields.Price, new ColumnComparerSource(columns, static c => c.Price), reverse: true), ById),
        ListingSearchSort.Newest => new Sort(Newest(columns), ById),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };

    /// <summary>
    /// Where to resume: the cursor's values in the sort's order. The doc id is past every document, so
    /// a hit with exactly the cursor's values (the cursor's own listing, unchanged) counts as already seen.
    /// </summary>
    public static FieldDoc After(SearchCursor cursor)
    {
        var id = new BytesRef(cursor.ListingId);
        object[] values = cursor.Sort == ListingSearchSort.Relevance
            ? [JavaSingle.GetInstance(cursor.Score ?? 0f), JavaInt64.GetInstance(cursor.Key), id]
            : [JavaInt64.GetInstance(cursor.Key), id];
        return new FieldDoc(int.MaxValue, float.NaN, values);
    }

    public static SearchCursor CursorOf(ListingSearchQuery query, FieldDoc hit)
    {
        var values = hit.Fields;
        var id = ((BytesRef)values[^1]).Utf8ToString();
        return query.Sort == ListingSearchSort.Relevance
            ? query.CursorAt(((JavaSingle)values[0]).ToSingle(), ((JavaInt64)values[1]).ToInt64(), id)
            : query.CursorAt(null, ((JavaInt64)values[0]).ToInt64(), id);
    }

    private static SortField Newest(ListingColumns.PerSegment columns) =>
        new(ListingFields.PublishedAt, new ColumnComparerSource(columns, static c => c.PublishedAt), reverse: true);
}
