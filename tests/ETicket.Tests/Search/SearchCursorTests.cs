using System.Text;
using ETicket.Domain.Common;
using ETicket.Search;

namespace ETicket.Tests.Search;

public sealed class SearchCursorTests
{
    private const string Id = "01938f5e7a2b7c3d8e9f0a1b2c3d4e01";

    [Fact]
    public void A_cursor_keeps_when_its_walk_began()
    {
        var started = new DateTimeOffset(2026, 12, 6, 20, 0, 0, TimeSpan.Zero).AddTicks(1234);
        var cursor = new SearchCursor(ListingSearchSort.PriceAsc, null, 128050, Id, started);

        var decoded = SearchCursor.Decode(cursor.Encode(), ListingSearchSort.PriceAsc);

        Assert.Equal(cursor, decoded);
        Assert.Equal(started, decoded.PagingStartedAt);
    }

    [Fact]
    public void A_cursor_given_out_before_walks_kept_their_start_still_pages()
    {
        var old = Base64Url($"s1:{(int)ListingSearchSort.PriceDesc}::990:{Id}");

        var decoded = SearchCursor.Decode(old, ListingSearchSort.PriceDesc);

        Assert.Equal(new SearchCursor(ListingSearchSort.PriceDesc, null, 990, Id), decoded);
        Assert.Null(decoded.PagingStartedAt);
    }

    [Theory]
    [InlineData("0")] // before 1970: nothing this API gives out, and arithmetic on it would leave the calendar
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    public void A_walk_start_this_api_never_gave_out_is_bad_input(string ticks)
    {
        var forged = Base64Url($"s2:{(int)ListingSearchSort.PriceAsc}::990:{Id}:{ticks}");

        Assert.Throws<BadInputException>(() => SearchCursor.Decode(forged, ListingSearchSort.PriceAsc));
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
