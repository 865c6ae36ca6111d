namespace ETicket.SearchBench;

/// <summary>One typical search: its input, and the page it is measured on (reached by following end cursors).</summary>
public sealed record Search(string Name, string Shows, SearchInput Input, int Page = 1);

/// <summary>The six searches of issue 14's benchmark, over <see cref="ETicket.Domain.DemoData.Catalog"/>'s market.</summary>
public static class Searches
{
    public static IReadOnlyList<Search> All(DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return
    [
        new("one word", "text 周杰伦, relevance", new SearchInput(Text: "周杰伦")),
        new("two words + city", "text \"Coldplay 演唱会\", city 上海, relevance", new SearchInput(Text: "Coldplay 演唱会", City: "上海")),
        new("category + dates + price sort", "CONCERT starting in 30 to 90 days, PRICE_ASC",
            new SearchInput(Categories: ["CONCERT"], StartsFrom: today.AddDays(30), StartsTo: today.AddDays(90), Sort: "PRICE_ASC")),
        new("facets only", "category browse: ADMISSION, no text, NEWEST (the facet counts are the point)",
            new SearchInput(Categories: ["ADMISSION"], Sort: "NEWEST")),
        new("part of a name", "text 杰伦 (finds 周杰伦, not 林俊杰)", new SearchInput(Text: "杰伦")),
        new("page 10 of a common word", "text 演唱会, relevance, page 10 by cursors", new SearchInput(Text: "演唱会"), Page: 10),
    ];
    }
}
