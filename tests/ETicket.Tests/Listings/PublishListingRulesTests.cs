using ETicket.Domain.Common;
using ETicket.Domain.Listings;

namespace ETicket.Tests.Listings;

public sealed class PublishListingRulesTests
{
    private const decimal Cap = 0.20m;
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Now.AddDays(30);
    private static readonly DateTimeOffset Earlier = Now.AddDays(-1);

    private static readonly NewListing Concert = new(
        TicketCategory.Concert, "周杰伦上海演唱会", FaceValue: 100m, Price: 100m, TicketCode: "CODE",
        City: "上海", Venue: "梅赛德斯奔驰文化中心", StartsAt: Later);

    private static readonly NewListing Voucher = new(
        TicketCategory.Food, "海底捞 100 元代金券", FaceValue: 100m, Price: 90m, TicketCode: "CODE", EndsAt: Later);

    private static readonly NewListing Admission = new(
        TicketCategory.Admission, "上海迪士尼乐园一日票", FaceValue: 100m, Price: 100m, TicketCode: "CODE", Venue: "上海迪士尼乐园", StartsAt: Later);

    [Fact]
    public void Complete_listings_of_each_kind_pass()
    {
        Assert.Empty(Check(Concert));
        Assert.Empty(Check(Concert with { Category = TicketCategory.Film }));
        Assert.Empty(Check(Concert with { Category = TicketCategory.Show }));
        Assert.Empty(Check(Voucher));
        Assert.Empty(Check(Voucher with { Category = TicketCategory.Entertainment }));
        Assert.Empty(Check(Admission));
        Assert.Empty(Check(Admission with { StartsAt = null, EndsAt = Later }));
    }

    [Theory]
    [InlineData(TicketCategory.Film)]
    [InlineData(TicketCategory.Concert)]
    [InlineData(TicketCategory.Show)]
    public void Events_need_a_future_start_a_city_and_a_venue(TicketCategory category)
    {
        var show = Concert with { Category = category };
        Assert.Equal(["startsAt"], Fields(show with { StartsAt = null, EndsAt = Later }));
        Assert.Equal(["startsAt"], Fields(show with { StartsAt = Earlier }));
        Assert.Equal(["startsAt"], Fields(show with { StartsAt = Now }));
        Assert.Equal(["city"], Fields(show with { City = "  " }));
        Assert.Equal(["venue"], Fields(show with { Venue = null }));
    }

    [Theory]
    [InlineData(TicketCategory.Food)]
    [InlineData(TicketCategory.Entertainment)]
    public void Vouchers_need_a_future_end_of_validity_and_nothing_else(TicketCategory category)
    {
        var voucher = Voucher with { Category = category };
        Assert.Equal(["endsAt"], Fields(voucher with { EndsAt = null, StartsAt = Later }));
        Assert.Equal(["endsAt"], Fields(voucher with { EndsAt = Earlier }));
        // Valid since last month: only the end matters.
        Assert.Empty(Check(voucher with { StartsAt = Now.AddDays(-30) }));
    }

    [Fact]
    public void Admission_needs_a_venue_and_a_future_start_or_end()
    {
        Assert.Equal(["venue"], Fields(Admission with { Venue = "" }));
        Assert.Equal(["startsAt"], Fields(Admission with { StartsAt = null }));
        Assert.Equal(["startsAt"], Fields(Admission with { StartsAt = Earlier }));
        Assert.Equal(["endsAt"], Fields(Admission with { StartsAt = Earlier, EndsAt = Earlier.AddHours(8) }));
        // A season pass that started already but is still valid.
        Assert.Empty(Check(Admission with { StartsAt = Earlier, EndsAt = Later }));
    }

    [Fact]
    public void The_end_cannot_come_before_the_start() =>
        Assert.Equal(["endsAt"], Fields(Voucher with { StartsAt = Later, EndsAt = Later.AddSeconds(-1) }));

    [Fact]
    public void A_title_has_two_to_a_hundred_characters_after_trimming()
    {
        Assert.Empty(Check(Concert with { Title = "  演唱  " }));
        Assert.Empty(Check(Concert with { Title = new string('票', 100) }));
        Assert.Equal(["title"], Fields(Concert with { Title = "  票  " }));
        Assert.Equal(["title"], Fields(Concert with { Title = new string('票', 101) }));
    }

    [Theory]
    [InlineData("100", "120")] // exactly at the cap
    [InlineData("100", "50")]
    [InlineData("33.33", "39.99")] // the cap is 39.996: the highest price in cents is below it
    [InlineData("0.01", "0.01")]
    public void A_price_up_to_the_cap_above_face_value_is_fair(string faceValue, string price) =>
        Assert.Empty(Check(Concert with { FaceValue = decimal.Parse(faceValue), Price = decimal.Parse(price) }));

    [Theory]
    [InlineData("100", "120.01", "120.00")]
    [InlineData("33.33", "40", "39.99")]
    [InlineData("0.01", "0.02", "0.01")]
    public void A_price_just_above_the_cap_is_refused(string faceValue, string price, string highest)
    {
        var error = Assert.Single(Check(Concert with { FaceValue = decimal.Parse(faceValue), Price = decimal.Parse(price) }));
        Assert.Equal(UserErrorCode.PriceAboveCap, error.Code);
        Assert.Equal("price", error.Field);
        Assert.Contains(highest, error.Message);
    }

    [Fact]
    public void The_cap_is_configurable()
    {
        var listing = Concert with { FaceValue = 100m, Price = 150m };
        Assert.Empty(PublishListingRules.Check(listing, Now, priceCap: 0.5m));
        Assert.Equal(UserErrorCode.PriceAboveCap, Assert.Single(PublishListingRules.Check(listing, Now, priceCap: 0m)).Code);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10.001")]
    public void Money_is_positive_with_at_most_two_decimals(string amount)
    {
        var value = decimal.Parse(amount);
        Assert.Equal(["price"], Fields(Concert with { Price = value }));
        // An invalid face value says so, and no cap is computed from it.
        Assert.Equal(["faceValue"], Fields(Concert with { FaceValue = value, Price = 1m }));
    }

    [Fact]
    public void Up_to_nine_http_images()
    {
        string[] nine = [.. Enumerable.Range(1, 9).Select(i => $"https://img.example.com/{i}.jpg")];
        Assert.Empty(Check(Concert with { ImageUrls = nine }));
        Assert.Empty(Check(Concert with { ImageUrls = ["http://img.example.com/1.jpg"] }));
        Assert.Equal(["imageUrls"], Fields(Concert with { ImageUrls = [.. nine, "https://img.example.com/10.jpg"] }));
        Assert.Equal(["imageUrls"], Fields(Concert with { ImageUrls = ["ftp://img.example.com/1.jpg"] }));
        Assert.Equal(["imageUrls"], Fields(Concert with { ImageUrls = ["/relative.jpg"] }));
    }

    [Fact]
    public void Every_failure_is_a_validation_error_naming_its_field()
    {
        var errors = Check(new NewListing(TicketCategory.Film, "x", FaceValue: 0m, Price: -1m, TicketCode: " "));
        Assert.All(errors, e => Assert.Equal(UserErrorCode.ValidationFailed, e.Code));
        Assert.Equal(["city", "faceValue", "price", "startsAt", "ticketCode", "title", "venue"], errors.Select(e => e.Field).Order());
    }

    [Theory]
    [InlineData(TicketCategory.Film, true)]
    [InlineData(TicketCategory.Concert, true)]
    [InlineData(TicketCategory.Show, true)]
    [InlineData(TicketCategory.Food, false)]
    [InlineData(TicketCategory.Entertainment, false)]
    public void Events_expire_at_the_start_and_vouchers_at_the_end(TicketCategory category, bool atStart)
    {
        var start = Later;
        var end = Later.AddDays(1);
        Assert.Equal(atStart ? start : end, ListingExpiry.For(category, start, end));
    }

    [Fact]
    public void Admission_expires_at_the_end_or_else_at_the_start()
    {
        Assert.Equal(Later.AddDays(1), ListingExpiry.For(TicketCategory.Admission, Later, Later.AddDays(1)));
        Assert.Equal(Later, ListingExpiry.For(TicketCategory.Admission, Later, null));
        Assert.Null(ListingExpiry.For(TicketCategory.Admission, null, null));
    }

    private static IReadOnlyList<UserError> Check(NewListing listing) => PublishListingRules.Check(listing, Now, Cap);

    private static string?[] Fields(NewListing listing) => [.. Check(listing).Select(e => e.Field)];
}
