using ETicket.Domain.Orders.Payments.WeChatPay;
using ETicket.Tests.Infrastructure.FakeWeChatPay;
using Microsoft.Extensions.Options;
using static ETicket.Tests.Orders.Payments.WeChatPay.WeChatPayTestData;

namespace ETicket.Tests.Orders.Payments.WeChatPay;

/// <summary>No message the wire layer writes (a settings problem, an exception, a log record) holds a key or the APIv3 key.</summary>
public sealed class WeChatPaySecrecyTests
{
    private const string Section = FakeWeChatPayServer.SettingsSection;
    private const string PayeeName = "张保密";

    [Fact]
    public void Settings_problems_never_quote_a_key()
    {
        var unusable = new[]
        {
            // Keys that do not parse, keys of the wrong kind, an APIv3 key of the wrong length.
            new Dictionary<string, string?>
            {
                [$"{Section}:PrivateKey"] = "-----BEGIN PRIVATE KEY-----\nU0VDUkVULXByaXZhdGUta2V5LWJvZHk=\n-----END PRIVATE KEY-----",
                [$"{Section}:PlatformPublicKey"] = FakeWeChatPayKeys.MerchantPrivateKeyPem,
                [$"{Section}:ApiV3Key"] = "SECRET-apiv3-0123456789",
            },
            // Good keys beside settings that are not.
            new Dictionary<string, string?> { [$"{Section}:MchId"] = "merchant", [$"{Section}:PlatformPublicKey"] = FakeWeChatPayKeys.MerchantPublicKeyPem },
        };

        foreach (var changes in unusable)
        {
            var settings = WeChatPayOptionsTests.Settings(changes);
            var failure = Assert.Throws<OptionsValidationException>(() => WeChatPayOptionsTests.Options(settings));
            AssertNoSecret(failure.Message, settings);
        }
    }

    [Fact]
    public async Task Logs_and_exceptions_never_hold_a_key_nor_a_payee_s_name()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        var failures = new List<Exception>();
        var client = harness.Client;
        await WeChatPayClientTests.PaidAsync(harness, "ET20260301", 5000);
        await client.CreateTransferAsync("PO20260301", SellerOpenId, 250000, "货款", PayeeName, Ct);
        harness.WeChatPay.Script(FakeWeChatPayFault.Signed(FakeAnswerSigning.Forged), FakeWeChatPayFault.Error(403, "NOT_ENOUGH", "余额不足"),
            FakeWeChatPayFault.SystemError, FakeWeChatPayFault.SystemError, FakeWeChatPayFault.SystemError);
        failures.Add(await Assert.ThrowsAnyAsync<WeChatPayException>(() => client.QueryTransactionAsync("ET20260301", Ct)));
        failures.Add(await Assert.ThrowsAnyAsync<WeChatPayException>(() => client.CreateRefundAsync("ET20260301", "RF20260301", null, 5000, 5000, Ct)));
        failures.Add(await Assert.ThrowsAnyAsync<WeChatPayException>(() => client.QueryRefundAsync("RF20260301", Ct)));
        var forged = harness.WeChatPay.Seal(harness.WeChatPay.TransactionNotification("ET20260301") with { Forged = true });
        harness.Notifications.TryRead(forged.Body, new(forged.Headers["Wechatpay-Timestamp"], forged.Headers["Wechatpay-Nonce"],
            forged.Headers["Wechatpay-Signature"], forged.Headers["Wechatpay-Serial"]), out _, out _);

        var records = harness.Logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var text in records.Select(record => $"{record.Message} {string.Join(' ', record.StructuredState ?? [])} {record.Exception}")
                     .Concat(failures.Select(failure => failure.ToString())))
        {
            AssertNoSecret(text, harness.WeChatPay.Settings);
            Assert.DoesNotContain(PayeeName, text);
        }
    }

    // A secret is the APIv3 key, or any line of a key's PEM.
    private static void AssertNoSecret(string text, IReadOnlyDictionary<string, string?> settings)
    {
        var secrets = new[] { "PrivateKey", "ApiV3Key", "PlatformPublicKey" }
            .Select(name => settings.GetValueOrDefault($"{Section}:{name}"))
            .Concat([FakeWeChatPayKeys.MerchantPrivateKeyPem, FakeWeChatPayKeys.ApiV3Key])
            .OfType<string>()
            .SelectMany(secret => secret.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(line => !line.StartsWith("-----", StringComparison.Ordinal) && line.Length >= 16);
        foreach (var secret in secrets)
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"A message holds a secret: {text}");
    }
}
