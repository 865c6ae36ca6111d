using System.Text.Json.Nodes;
using ETicket.Domain.Orders.Payments.WeChatPay;
using ETicket.Tests.Infrastructure.FakeWeChatPay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ETicket.Tests.Orders.Payments.WeChatPay.WeChatPayTestData;

namespace ETicket.Tests.Orders.Payments.WeChatPay;

/// <summary>Only answers WeChat Pay signed are believed; errors keep WeChat Pay's code; what may be retried is, and what is unknown says so.</summary>
public sealed class WeChatPayAnswerTests
{
    [Theory]
    [InlineData(FakeAnswerSigning.Tampered, WeChatPayRefusal.BadSignature)]
    [InlineData(FakeAnswerSigning.Forged, WeChatPayRefusal.BadSignature)]
    [InlineData(FakeAnswerSigning.Unsigned, WeChatPayRefusal.BadSignature)]
    [InlineData(FakeAnswerSigning.WrongSerial, WeChatPayRefusal.UnknownSerial)]
    [InlineData(FakeAnswerSigning.Stale, WeChatPayRefusal.StaleTimestamp)]
    public async Task An_answer_WeChat_Pay_did_not_sign_now_with_its_key_is_refused_and_its_outcome_is_unknown(FakeAnswerSigning signing, WeChatPayRefusal refusal)
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        harness.WeChatPay.Script(FakeWeChatPayFault.Signed(signing));

        var refused = await Assert.ThrowsAsync<WeChatPayAnswerRefusedException>(() =>
            harness.Client.CreateJsapiTransactionAsync("ET20260101", "门票", 100, PayerOpenId, Expiry, cancellationToken: Ct));

        Assert.Equal((refusal, WeChatPayException.AnswerRefusedCode, 200, true), (refused.Refusal, refused.Code, refused.HttpStatus, refused.OutcomeUnknown));
        // WeChat Pay did place the payment: only a query can tell.
        Assert.NotNull(harness.WeChatPay.Transactions["ET20260101"]);
        Assert.Single(harness.WeChatPay.Requests);
    }

    [Fact]
    public async Task An_empty_answer_is_verified_too()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        await harness.Client.CreateJsapiTransactionAsync("ET20260102", "门票", 100, PayerOpenId, Expiry, cancellationToken: Ct);
        harness.WeChatPay.Script(FakeWeChatPayFault.Signed(FakeAnswerSigning.Tampered));

        var refused = await Assert.ThrowsAsync<WeChatPayAnswerRefusedException>(() => harness.Client.CloseTransactionAsync("ET20260102", Ct));

        Assert.Equal((WeChatPayRefusal.BadSignature, 204), (refused.Refusal, refused.HttpStatus));
    }

    [Fact]
    public async Task A_platform_clock_more_than_five_minutes_off_is_refused_both_ways()
    {
        var weChatPayClock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 4, 0, 0, TimeSpan.Zero));
        await using var harness = await WeChatPayHarness.StartAsync(clock: weChatPayClock);
        var platformClock = new FakeTimeProvider(weChatPayClock.GetUtcNow() + TimeSpan.FromMinutes(4));
        await using var platform = WeChatPayHarness.Build(harness.WeChatPay.Settings, platformClock);
        var client = platform.GetRequiredService<WeChatPayClient>();

        await client.CreateJsapiTransactionAsync("ET20260103", "门票", 100, PayerOpenId, Expiry, cancellationToken: Ct);
        Assert.NotNull(await client.QueryTransactionAsync("ET20260103", Ct));
        harness.WeChatPay.Script(FakeWeChatPayFault.Signed(FakeAnswerSigning.Stale));
        var refusedByPlatform = await Assert.ThrowsAsync<WeChatPayAnswerRefusedException>(() => client.QueryTransactionAsync("ET20260103", Ct));
        platformClock.Advance(TimeSpan.FromMinutes(2));
        var refusedByWeChatPay = await Assert.ThrowsAsync<WeChatPayException>(() => client.QueryTransactionAsync("ET20260103", Ct));

        Assert.Equal(WeChatPayRefusal.StaleTimestamp, refusedByPlatform.Refusal);
        Assert.Equal(("SIGN_ERROR", 401, false), (refusedByWeChatPay.Code, refusedByWeChatPay.HttpStatus, refusedByWeChatPay.OutcomeUnknown));
        Assert.Equal("timestamp is more than five minutes off", harness.WeChatPay.Requests[^1].SignatureProblem);
    }

    [Fact]
    public async Task SYSTEM_ERROR_and_FREQUENCY_LIMITED_are_tried_again_each_time_signed_afresh()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        harness.WeChatPay.Script(FakeWeChatPayFault.SystemError, FakeWeChatPayFault.FrequencyLimited);

        var prepayId = await harness.Client.CreateJsapiTransactionAsync("ET20260104", "门票", 100, PayerOpenId, Expiry, cancellationToken: Ct);

        Assert.Equal(harness.WeChatPay.Transactions["ET20260104"]!.PrepayId, prepayId);
        Assert.Equal(3, harness.WeChatPay.Requests.Count);
        Assert.All(harness.WeChatPay.Requests, request => Assert.Null(request.SignatureProblem));
        Assert.Equal(3, harness.WeChatPay.Requests.Select(request => request.Authorization["nonce_str"]).Distinct().Count());
    }

    [Fact]
    public async Task A_SYSTEM_ERROR_that_persists_keeps_its_code_and_leaves_the_outcome_unknown()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        harness.WeChatPay.Script(FakeWeChatPayFault.SystemError, FakeWeChatPayFault.SystemError, FakeWeChatPayFault.SystemError);

        var failed = await Assert.ThrowsAsync<WeChatPayException>(() => harness.Client.QueryTransactionAsync("ET20260105", Ct));

        Assert.Equal(("SYSTEM_ERROR", 500, true), (failed.Code, failed.HttpStatus, failed.OutcomeUnknown));
        Assert.Contains("系统错误", failed.Message);
        Assert.Equal(3, harness.WeChatPay.Requests.Count);
    }

    [Fact]
    public async Task A_refusal_keeps_WeChat_Pay_s_code_and_is_not_tried_again()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        await WeChatPayClientTests.PaidAsync(harness, "ET20260106", 5000);
        harness.WeChatPay.Script(FakeWeChatPayFault.Error(403, "NOT_ENOUGH", "基本账户余额不足，请充值后重新发起"));

        var refused = await Assert.ThrowsAsync<WeChatPayException>(() => harness.Client.CreateRefundAsync("ET20260106", "RF20260106", null, 5000, 5000, Ct));

        Assert.Equal(("NOT_ENOUGH", 403, false), (refused.Code, refused.HttpStatus, refused.OutcomeUnknown));
        Assert.Equal(2, harness.WeChatPay.Requests.Count);
        Assert.Null(harness.WeChatPay.Refunds["RF20260106"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_refusal_after_a_SYSTEM_ERROR_leaves_the_outcome_unknown_but_not_after_FREQUENCY_LIMITED(bool afterSystemError)
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        harness.WeChatPay.Script(afterSystemError ? FakeWeChatPayFault.SystemError : FakeWeChatPayFault.FrequencyLimited,
            FakeWeChatPayFault.Error(400, "INVALID_REQUEST", "参数错误"));

        var refused = await Assert.ThrowsAsync<WeChatPayException>(() => harness.Client.CreateTransferAsync("PO20260110", SellerOpenId, 100, "货款", cancellationToken: Ct));

        // The attempt that met SYSTEM_ERROR may have been carried out before the refusal of the next.
        Assert.Equal(("INVALID_REQUEST", 400, afterSystemError), (refused.Code, refused.HttpStatus, refused.OutcomeUnknown));
        Assert.Equal(2, harness.WeChatPay.Requests.Count);
    }

    [Fact]
    public async Task A_WeChat_Pay_that_answers_too_late_is_a_timeout_whose_outcome_is_unknown()
    {
        await using var harness = await WeChatPayHarness.StartAsync(new Dictionary<string, string?> { [$"{FakeWeChatPayServer.SettingsSection}:Timeout"] = "00:00:01" });
        harness.WeChatPay.Script(FakeWeChatPayFault.Slow(TimeSpan.FromSeconds(30)));

        var late = await Assert.ThrowsAsync<WeChatPayException>(() => harness.Client.CreateTransferAsync("PO20260107", SellerOpenId, 100, "货款", cancellationToken: Ct));

        Assert.Equal((WeChatPayException.TimeoutCode, null, true), (late.Code, late.HttpStatus, late.OutcomeUnknown));
        Assert.Single(harness.WeChatPay.Requests);
        // The request reached WeChat Pay, which carried it out: hence query before a new out_bill_no.
        Assert.NotNull(harness.WeChatPay.Transfers["PO20260107"]);
    }

    [Fact]
    public async Task A_WeChat_Pay_that_cannot_be_reached_is_unreachable_and_nothing_was_done()
    {
        var harness = await WeChatPayHarness.StartAsync();
        await harness.WeChatPay.DisposeAsync();

        var unreachable = await Assert.ThrowsAsync<WeChatPayException>(() => harness.Client.QueryTransactionAsync("ET20260108", Ct));

        Assert.Equal((WeChatPayException.UnreachableCode, null, false), (unreachable.Code, unreachable.HttpStatus, unreachable.OutcomeUnknown));
        await harness.Services.DisposeAsync();
    }

    public static TheoryData<string, Action<JsonObject>, WeChatPayRefusal> UnfitAnswers => new()
    {
        { "another merchant", answer => answer["mchid"] = "1900000109", WeChatPayRefusal.WrongMerchant },
        { "another app", answer => answer["appid"] = "wxd678efh567hg6787", WeChatPayRefusal.WrongMerchant },
        { "another payment", answer => answer["out_trade_no"] = "ET20260999", WeChatPayRefusal.Malformed },
        { "no out_trade_no", answer => answer.Remove("out_trade_no"), WeChatPayRefusal.Malformed },
        { "an undocumented state", answer => answer["trade_state"] = "PAID", WeChatPayRefusal.Malformed },
        { "a state by number", answer => answer["trade_state"] = 0, WeChatPayRefusal.Malformed },
        { "an amount in yuan", answer => answer["amount"]!["total"] = 1.5, WeChatPayRefusal.Malformed },
    };

    [Theory, MemberData(nameof(UnfitAnswers))]
    public async Task A_genuine_answer_that_is_not_about_what_was_asked_is_refused(string what, Action<JsonObject> change, WeChatPayRefusal refusal)
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        var answer = FakeTransactions.Resource(new FakeTransaction("ET20260109", "门票", 100, PayerOpenId, null, Expiry, "https://example.com/n", "wx1"));
        change(answer);
        harness.WeChatPay.Script(new FakeWeChatPayFault(FakeAnswer.Ok(answer)));

        var refused = await Assert.ThrowsAsync<WeChatPayAnswerRefusedException>(() => harness.Client.QueryTransactionAsync("ET20260109", Ct));

        Assert.True(refusal == refused.Refusal, $"{what}: {refused.Refusal}");
    }
}
