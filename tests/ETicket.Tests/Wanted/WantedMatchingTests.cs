using System.Security.Cryptography;
using ETicket.Domain.Listings;
using ETicket.Domain.Wanted;

namespace ETicket.Tests.Wanted;

public sealed class WantedMatchingTests
{
    private const string Buyer = "0000000000000000000000000000b0b0";
    private const string Seller = "00000000000000000000000000005e11";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset StartsAt = new(2027, 5, 1, 11, 30, 0, TimeSpan.Zero);
    private static readonly TicketCodeVault Vault = new(RandomNumberGenerator.GetBytes(32));

    private static readonly NewListing Concert = new(
        TicketCategory.Concert, "周杰伦 Jay Chou 嘉年华上海演唱会", FaceValue: 880m, Price: 880m, TicketCode: "CODE",
        City: "上海", Venue: "梅赛德斯奔驰文化中心", StartsAt: StartsAt);

    private static readonly NewWantedRequest Wanted = new(TicketCategory.Concert, "周杰伦");

    [Fact]
    public void A_request_with_only_category_and_keywords_matches_any_such_listing() =>
        Assert.True(Matches(Wanted, Concert));

    [Fact]
    public void The_category_must_be_the_same() =>
        Assert.False(Matches(Wanted with { Category = TicketCategory.Show }, Concert));

    [Theory]
    [InlineData("周杰伦 上海")]
    [InlineData("jay CHOU")]
    [InlineData("  杰伦\t嘉年华  ")]
    [InlineData("周杰伦\u3000演唱会")] // the ideographic space separates keywords too
    [InlineData("华上")] // inside a word: Chinese titles have no spaces between words
    public void Every_keyword_is_found_in_the_title_ignoring_case(string keywords) =>
        Assert.True(Matches(Wanted with { Keywords = keywords }, Concert));

    [Theory]
    [InlineData("周杰伦 北京")]
    [InlineData("林俊杰")]
    [InlineData("Jay-Chou")]
    public void One_keyword_missing_from_the_title_is_no_match(string keywords) =>
        Assert.False(Matches(Wanted with { Keywords = keywords }, Concert));

    [Fact]
    public void A_city_must_be_the_listings_city_exactly()
    {
        Assert.True(Matches(Wanted with { City = " 上海 " }, Concert));
        Assert.False(Matches(Wanted with { City = "北京" }, Concert));
        Assert.False(Matches(Wanted with { City = "上海市" }, Concert));
        Assert.False(Matches(Wanted with { City = "上海" }, Concert with { City = null }));
    }

    [Fact]
    public void The_listing_starts_within_from_and_to_both_inclusive()
    {
        var millisecond = TimeSpan.FromMilliseconds(1);
        Assert.True(Matches(Wanted with { From = StartsAt, To = StartsAt }, Concert));
        Assert.True(Matches(Wanted with { From = StartsAt }, Concert));
        Assert.True(Matches(Wanted with { To = StartsAt }, Concert));
        Assert.False(Matches(Wanted with { From = StartsAt + millisecond }, Concert));
        Assert.False(Matches(Wanted with { To = StartsAt - millisecond }, Concert));
    }

    [Fact]
    public void A_listing_without_a_start_matches_only_requests_without_dates()
    {
        var voucher = new NewListing(TicketCategory.Food, "星巴克 咖啡券", 50m, 45m, "CODE", EndsAt: StartsAt);
        var wanted = new NewWantedRequest(TicketCategory.Food, "星巴克");

        Assert.True(Matches(wanted, voucher));
        Assert.False(Matches(wanted with { From = Now }, voucher));
        Assert.False(Matches(wanted with { To = StartsAt.AddYears(1) }, voucher));
    }

    [Fact]
    public void The_price_is_at_most_max_price()
    {
        Assert.True(Matches(Wanted with { MaxPrice = 880m }, Concert));
        Assert.False(Matches(Wanted with { MaxPrice = 879.99m }, Concert));
    }

    [Fact]
    public void A_members_own_listing_does_not_match_their_request()
    {
        var request = WantedRequest.Post(Seller, Wanted, Now);
        Assert.False(WantedMatching.Matches(request, Listing.Publish(Seller, Concert, Vault, Now)));
    }

    [Fact]
    public void A_closed_request_matches_nothing()
    {
        var request = WantedRequest.Post(Buyer, Wanted, Now);
        request.CloseBy(request.MemberId, Now);
        Assert.False(WantedMatching.Matches(request, Listing.Publish(Seller, Concert, Vault, Now)));
    }

    private static bool Matches(NewWantedRequest wanted, NewListing listing) =>
        WantedMatching.Matches(WantedRequest.Post(Buyer, wanted, Now), Listing.Publish(Seller, listing, Vault, Now));
}
