using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Common;

/// <summary>The contract's Decimal and DateTime conventions, through the API.</summary>
public sealed class ScalarTests : IAsyncLifetime
{
    private PlatformServer _server = null!;
    private SignedInMember _seller = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await PlatformServer.StartAsync();
        _seller = await _server.SignInAsync("13800000001");
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("120", "120.00")]
    [InlineData("120.5", "120.50")]
    [InlineData("120.50", "120.50")]
    [InlineData("0.01", "0.01")]
    public async Task Money_is_a_string_with_two_decimals(string price, string expected)
    {
        var payload = await _server.PublishAsync(_seller, ListingRequests.Concert(price: price, faceValue: price, ticketCode: Guid.NewGuid().ToString()));
        Assert.Equal(expected, payload["listing"]!["price"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"120.505\"")]
    [InlineData("\"12o\"")]
    [InlineData("\"1e3\"")]
    [InlineData("\"\"")]
    [InlineData("120")]
    [InlineData("120.5")]
    public async Task Malformed_money_is_bad_user_input(string literal)
    {
        var response = await _server.PostAsync(
            $$"""mutation { publishListing(input: { category: FOOD, title: "Voucher", faceValue: "100", price: {{literal}}, ticketCode: "X" }) { errors { code } } }""",
            accessToken: _seller.AccessToken);

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Malformed_money_in_variables_is_bad_user_input_too()
    {
        var response = await _server.PostAsync(ListingRequests.Publish,
            new { input = ListingRequests.Concert(price: "88.888") }, _seller.AccessToken);

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Contains("two decimal places", response.Errors![0]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2099-05-01T19:30:00+08:00", "2099-05-01T11:30:00Z")]
    [InlineData("2099-05-01T11:30:00Z", "2099-05-01T11:30:00Z")]
    [InlineData("2099-05-01T11:30:00.25Z", "2099-05-01T11:30:00.25Z")]
    [InlineData("2099-05-01T11:30:00.1234567-02:00", "2099-05-01T13:30:00.123Z")]
    public async Task Times_come_back_in_UTC_with_Z(string startsAt, string expected)
    {
        var input = new { category = "SHOW", title = "Exhibition", faceValue = "50", price = "50", ticketCode = Guid.NewGuid().ToString(), city = "上海", venue = "上海博物馆", startsAt };
        var payload = await _server.PublishAsync(_seller, input);
        Assert.Equal(expected, payload["listing"]!["startsAt"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2099-05-01T19:30:00")]
    [InlineData("2099-05-01")]
    [InlineData("tomorrow")]
    public async Task A_time_without_an_offset_is_bad_user_input(string startsAt)
    {
        var input = new { category = "SHOW", title = "Exhibition", faceValue = "50", price = "50", ticketCode = "X", startsAt };
        var response = await _server.PostAsync(ListingRequests.Publish, new { input }, _seller.AccessToken);
        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
    }
}
