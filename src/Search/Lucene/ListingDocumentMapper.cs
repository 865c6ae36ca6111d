using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace ETicket.Search.Lucene;

/// <summary>
/// A search document as Lucene stores it: the id as a term (to update by), the text as analyzed
/// fields, and everything filtered, sorted or counted as doc values. Nothing is stored for display:
/// a hit's id comes back from the sort values, and the listing itself is read from the database.
/// </summary>
internal static class ListingDocumentMapper
{
    public static Document ToDocument(ListingSearchDocument listing)
    {
        var document = new Document
        {
            new StringField(ListingFields.Id, listing.ListingId, Field.Store.NO),
            new SortedDocValuesField(ListingFields.Id, new BytesRef(listing.ListingId)),
            new NumericDocValuesField(ListingFields.Version, listing.Version),
            new NumericDocValuesField(ListingFields.Status, (long)listing.Status),
            new NumericDocValuesField(ListingFields.Category, (long)listing.Category),
            new NumericDocValuesField(ListingFields.StartsAt, listing.StartsAt?.UtcTicks ?? long.MaxValue),
            new NumericDocValuesField(ListingFields.Price, Cents(listing.Price)),
            new NumericDocValuesField(ListingFields.PublishedAt, listing.PublishedAt.UtcTicks),
            new NumericDocValuesField(ListingFields.ExpiresAt, listing.ExpiresAt.UtcTicks),
            // Never repriced: 0, which no bound leaves out.
            new NumericDocValuesField(ListingFields.RepricedAt, listing.RepricedAt?.UtcTicks ?? 0),
        };
        if (!string.IsNullOrEmpty(listing.City))
            document.Add(new SortedDocValuesField(ListingFields.City, new BytesRef(listing.City)));

        AddText(document, ListingFields.TitleWords, ListingFields.TitleParts, listing.Title);
        foreach (var text in new[] { listing.Description, listing.Venue, listing.City })
            AddText(document, ListingFields.BodyWords, ListingFields.BodyParts, text);
        return document;
    }

    /// <summary>Prices are whole cents in the index, so ranges and sorts are exact.</summary>
    public static long Cents(decimal price) => (long)decimal.Round(price * 100, MidpointRounding.AwayFromZero);

    /// <summary>The lowest whole cents at or above <paramref name="price"/>: an inclusive lower bound.</summary>
    public static long CentsAtLeast(decimal price) => (long)decimal.Ceiling(price * 100);

    /// <summary>The highest whole cents at or below <paramref name="price"/>: an inclusive upper bound.</summary>
    public static long CentsAtMost(decimal price) => (long)decimal.Floor(price * 100);

    private static void AddText(Document document, string wordsField, string partsField, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        var normalized = ListingAnalysis.Normalize(text);
        document.Add(new TextField(wordsField, normalized, Field.Store.NO));
        document.Add(new TextField(partsField, normalized, Field.Store.NO));
    }
}
