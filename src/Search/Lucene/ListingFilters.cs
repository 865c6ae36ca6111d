using Lucene.Net.Index;
using Lucene.Net.Search;
using ETicket.Domain.Listings;

namespace ETicket.Search.Lucene;

/// <summary>
/// The filters of a search, as non-scoring clauses. Categories and city are separate from the rest
/// because the facets count with all filters but their own.
/// </summary>
internal static class ListingFilters
{
    /// <summary>Buyable now, in the date range and in the price range.</summary>
    public static BooleanQuery Base(ListingSearchQuery query)
    {
        var filter = new BooleanQuery
        {
            { new TermQuery(new Term(ListingFields.Status, nameof(ListingStatus.OnSale))), Occur.MUST },
            { NumericRangeQuery.NewInt64Range(ListingFields.ExpiresAt, query.Now.UtcTicks, null, false, true), Occur.MUST },
        };
        if (query.StartsFrom is not null || query.StartsTo is not null)
        {
            // A listing without startsAt has no term in this field, so any date bound leaves it out.
            filter.Add(NumericRangeQuery.NewInt64Range(ListingFields.StartsAt,
                query.StartsFrom?.UtcTicks, query.StartsTo?.UtcTicks, true, true), Occur.MUST);
        }
        if (query.MinPrice is not null || query.MaxPrice is not null)
        {
            filter.Add(NumericRangeQuery.NewInt64Range(ListingFields.Price,
                query.MinPrice is { } min ? ListingDocumentMapper.CentsAtLeast(min) : null,
                query.MaxPrice is { } max ? ListingDocumentMapper.CentsAtMost(max) : null, true, true), Occur.MUST);
        }
        return filter;
    }

    /// <summary>Every filter: what the hits and the total count match.</summary>
    public static Filter All(ListingSearchQuery query)
    {
        var filter = Base(query);
        if (query.Categories.Count > 0)
        {
            var any = new BooleanQuery();
            foreach (var category in query.Categories)
                any.Add(new TermQuery(new Term(ListingFields.Category, category.ToString())), Occur.SHOULD);
            filter.Add(any, Occur.MUST);
        }
        if (query.City is { } city)
            filter.Add(new TermQuery(new Term(ListingFields.City, city)), Occur.MUST);
        return new QueryWrapperFilter(filter);
    }
}
