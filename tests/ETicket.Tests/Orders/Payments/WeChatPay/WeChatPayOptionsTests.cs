using System.Security.Cryptography;
using ETicket.Domain.Orders.Payments.WeChatPay;
using ETicket.Tests.Infrastructure.FakeWeChatPay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ETicket.Tests.Orders.Payments.WeChatPay;

/// <summary>Settings that cannot work stop the platform, each named with what it should be.</summary>
public sealed class WeChatPayOptionsTests
{
    private const string Section = FakeWeChatPayServer.SettingsSection;

    private static readonly Lazy<string> ShortKeyPem = new(() =>
    {
        using var rsa = RSA.Create(1024);
        return rsa.ExportPkcs8PrivateKeyPem();
    });

    [Fact]
    public void The_fake_s_settings_bind_and_hold()
    {
        var options = Options(Settings());

        Assert.Empty(WeChatPayOptionsValidation.Problems(options));
        Assert.Equal((FakeWeChatPayServer.MchId, "1005", 2), (options.MchId, options.TransferSceneId, options.TransferSceneReportInfos.Count));
        Assert.Equal(("报酬说明", "门票转售货款"), (options.TransferSceneReportInfos[1].InfoType, options.TransferSceneReportInfos[1].InfoContent));
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
    }

    public static TheoryData<string, string?, string> Unusable => new()
    {
        { "AppId", null, $"{Section}:AppId must be" },
        { "AppId", "wx123", $"{Section}:AppId must be" },
        { "MchId", "19000091a1", $"{Section}:MchId must be" },
        { "MerchantCertificateSerial", "serial-no", $"{Section}:MerchantCertificateSerial must be" },
        { "PrivateKey", null, $"{Section}:PrivateKey or {Section}:PrivateKeyFile is required" },
        { "PrivateKey", "not a key", $"{Section}:PrivateKey is not the merchant API private key" },
        { "PrivateKey", "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----", $"{Section}:PrivateKey is not the merchant API private key" },
        { "PrivateKey", FakeWeChatPayKeys.MerchantPublicKeyPem, $"{Section}:PrivateKey is not the merchant API private key" },
        { "PrivateKey", ShortKeyPem.Value, $"{Section}:PrivateKey is an RSA key shorter than 2048 bits" },
        { "PrivateKeyFile", "apiclient_key.pem", $"Set only one of {Section}:PrivateKey and {Section}:PrivateKeyFile" },
        { "ApiV3Key", null, $"{Section}:ApiV3Key is required" },
        { "ApiV3Key", "short", $"{Section}:ApiV3Key must be the APIv3 key: exactly 32 ASCII characters" },
        { "ApiV3Key", "Ky7Qm2Vx9Tb4Nw6Rc3Hp8Jd5Lf1Zs0G密", $"{Section}:ApiV3Key must be the APIv3 key" },
        { "PlatformPublicKey", null, $"{Section}:PlatformPublicKey or {Section}:PlatformPublicKeyFile is required" },
        { "PlatformPublicKey", FakeWeChatPayKeys.StrangerPrivateKeyPem, $"{Section}:PlatformPublicKey is not WeChat Pay's public key" },
        { "PlatformPublicKey", FakeWeChatPayKeys.MerchantPublicKeyPem, $"{Section}:PlatformPublicKey is the merchant's own public key" },
        { "PlatformPublicKeyId", "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C", $"{Section}:PlatformPublicKeyId must be WeChat Pay's public key id" },
        { "NotifyUrl", null, $"{Section}:NotifyUrl must be" },
        { "NotifyUrl", "http://eticket.example/wechatpay/notify", $"{Section}:NotifyUrl must be an absolute https URL" },
        { "NotifyUrl", "/wechatpay/notify", $"{Section}:NotifyUrl must be an absolute https URL" },
        { "NotifyUrl", "https://eticket.example/wechatpay/notify?order=1", $"{Section}:NotifyUrl must be an absolute https URL without a query" },
        { "BaseUrl", "http://api.mch.weixin.qq.com/", $"{Section}:BaseUrl must be an absolute https URL" },
        { "Timeout", "00:00:00.5", $"{Section}:Timeout must be between" },
        { "TransferSceneId", null, $"{Section}:TransferSceneId must be" },
        { "TransferSceneReportInfos:1:InfoContent", null, $"{Section}:TransferSceneReportInfos must list" },
        { "TransferUserRecvPerception", new string('奖', 33), $"{Section}:TransferUserRecvPerception must be at most 32 characters" },
    };

    [Theory, MemberData(nameof(Unusable))]
    public void An_unusable_setting_is_named_and_stops_the_options(string setting, string? value, string problem)
    {
        var settings = Settings(new() { [$"{Section}:{setting}"] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => Options(settings));

        Assert.Contains(failure.Failures, message => message.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_file_that_cannot_be_read_is_named_with_its_path()
    {
        var settings = Settings(new() { [$"{Section}:PrivateKey"] = null, [$"{Section}:PrivateKeyFile"] = "/nonexistent/apiclient_key.pem" });

        var failure = Assert.Throws<OptionsValidationException>(() => Options(settings));

        Assert.Contains($"{Section}:PrivateKeyFile names a file that cannot be read (/nonexistent/apiclient_key.pem).", failure.Failures);
    }

    [Fact]
    public void Keys_may_be_files_or_PEM_with_its_line_breaks_written_as_backslash_n()
    {
        var directory = Directory.CreateTempSubdirectory("eticket-wechatpay-");
        try
        {
            var privateKeyFile = Path.Combine(directory.FullName, "apiclient_key.pem");
            var publicKeyFile = Path.Combine(directory.FullName, "pub_key.pem");
            File.WriteAllText(privateKeyFile, FakeWeChatPayKeys.MerchantPrivateKeyPem);
            File.WriteAllText(publicKeyFile, FakeWeChatPayKeys.PlatformPublicKeyPem);
            var fromFiles = Settings(new()
            {
                [$"{Section}:PrivateKey"] = null, [$"{Section}:PrivateKeyFile"] = privateKeyFile,
                [$"{Section}:PlatformPublicKey"] = null, [$"{Section}:PlatformPublicKeyFile"] = publicKeyFile,
            });
            var escaped = Settings(new() { [$"{Section}:PrivateKey"] = FakeWeChatPayKeys.MerchantPrivateKeyPem.ReplaceLineEndings("\\n") });

            Assert.Empty(WeChatPayOptionsValidation.Problems(Options(fromFiles)));
            Assert.Empty(WeChatPayOptionsValidation.Problems(Options(escaped)));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_host_with_WeChat_Pay_registered_does_not_start_on_unusable_settings()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Settings(new() { [$"{Section}:MchId"] = "merchant", [$"{Section}:ApiV3Key"] = null }));
        builder.Services.AddWeChatPayClient();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, failure.Failures.Count());
    }

    [Fact]
    public void Loading_the_keys_outside_validation_names_the_same_problems()
    {
        var options = new WeChatPayOptions { PrivateKey = "not a key", ApiV3Key = "short" };

        var failure = Assert.Throws<InvalidOperationException>(() => WeChatPayKeys.Load(options));

        Assert.Contains($"{Section}:PrivateKey is not the merchant API private key", failure.Message);
        Assert.Contains($"{Section}:PlatformPublicKey or {Section}:PlatformPublicKeyFile is required", failure.Message);
        Assert.Contains($"{Section}:ApiV3Key must be the APIv3 key", failure.Message);
    }

    internal static Dictionary<string, string?> Settings(Dictionary<string, string?>? changes = null) =>
        WeChatPayHarness.Merge(FakeWeChatPayServer.SettingsFor(new Uri("http://127.0.0.1:9/")), changes);

    internal static WeChatPayOptions Options(IReadOnlyDictionary<string, string?> settings)
    {
        using var services = WeChatPayHarness.Build(settings);
        return services.GetRequiredService<IOptions<WeChatPayOptions>>().Value;
    }
}
