using System.Text;
using ETicket.Domain.Common;
using ETicket.Domain.Listings;

namespace ETicket.Search;

/// <summary>The search as a client sends it (the contract's SearchListingsInput, first, after).</summary>
public sealed record ListingSearchRequest(
    string? Text,
    IReadOnlyList<TicketCategory>? Categories,
    string? City,
    DateTimeOffset? StartsFrom,
    DateTimeOffset? StartsTo,
    decimal? MinPrice,
    decimal? MaxPrice,
    ListingSearchSort Sort,
    int? First,
    string? After)
{
    /// <summary>Longer than any title, venue and city together that a buyer would type.</summary>
    public const int TextMaxLength = 200;

    public const int MaxWords = 16;

    /// <summary>More than the categories there are; repeats are dropped before this is checked.</summary>
    public const int MaxCategories = 16;

    /// <summary>
    /// Checks and bounds every part before any index query is built; what cannot be answered is a
    /// <see cref="BadInputException"/> (BAD_USER_INPUT) saying what to change.
    /// </summary>
    public ListingSearchQuery Validated(DateTimeOffset now)
    {
        var page = new PageRequest(First, After).Validated();
        var categories = (Categories ?? []).Distinct().ToList();
        if (categories.Count > MaxCategories)
            throw new BadInputException($"`categories` lists at most {MaxCategories} categories.");
        var city = Texts.Clean(City);
        if (city?.Length > PublishListingRules.ShortTextMaxLength)
            throw new BadInputException($"`city` has at most {PublishListingRules.ShortTextMaxLength} characters.");
        if (StartsFrom > StartsTo)
            throw new BadInputException("`startsFrom` is after `startsTo`.");
        if (MinPrice < 0 || MaxPrice < 0)
            throw new BadInputException("Prices cannot be negative.");
        if (MinPrice > MaxPrice)
            throw new BadInputException("`minPrice` is above `maxPrice`.");
        return new ListingSearchQuery(Words(Text), categories, city, StartsFrom, StartsTo, MinPrice, MaxPrice, Sort, page.Size,
            page.After is { } after ? SearchCursor.Decode(after, Sort) : null, now);
    }

    /// <summary>NFKC (full-width ＣＯＬＤＰＬＡＹ is Coldplay), lower case, split on white space.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        if (text.Length > TextMaxLength * 4) // before normalizing, which may lengthen it
            throw new BadInputException($"`text` has at most {TextMaxLength} characters.");
        if (!IsWellFormed(text))
            throw new BadInputException("`text` is not well-formed text.");
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        if (normalized.Length > TextMaxLength)
            throw new BadInputException($"`text` has at most {TextMaxLength} characters.");
        var words = normalized.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxWords)
            throw new BadInputException($"`text` has at most {MaxWords} words.");
        return words;
    }

    /// <summary>Normalize throws on a lone surrogate; the transport refuses escaped ones, this is the guard behind it.</summary>
    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }
        return true;
    }
}
