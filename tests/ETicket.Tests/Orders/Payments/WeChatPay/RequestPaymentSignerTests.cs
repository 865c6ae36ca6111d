using System.Security.Cryptography;
using System.Text;
using ETicket.Domain.Orders.Payments.WeChatPay;
using ETicket.Tests.Infrastructure.FakeWeChatPay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ETicket.Tests.Orders.Payments.WeChatPay;

public sealed class RequestPaymentSignerTests
{
    [Fact]
    public void The_parameters_of_wx_requestPayment_carry_a_paySign_the_merchant_s_public_key_verifies()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 20, 5, 29, 35, TimeSpan.Zero));
        using var services = WeChatPayHarness.Build(WeChatPayOptionsTests.Settings(), clock);
        var signer = services.GetRequiredService<RequestPaymentSigner>();

        var parameters = signer.Sign("wx201410272009395522657a690389285100");
        var again = signer.Sign("wx201410272009395522657a690389285100");

        Assert.Equal((FakeWeChatPayServer.AppId, "1779254975", "prepay_id=wx201410272009395522657a690389285100", "RSA"),
            (parameters.AppId, parameters.TimeStamp, parameters.Package, parameters.SignType));
        Assert.Matches("^[0-9A-Za-z]{32}$", parameters.NonceStr);
        Assert.NotEqual(parameters.NonceStr, again.NonceStr);
        using var merchantKey = RSA.Create();
        merchantKey.ImportFromPem(FakeWeChatPayKeys.MerchantPublicKeyPem);
        var message = $"{parameters.AppId}\n{parameters.TimeStamp}\n{parameters.NonceStr}\n{parameters.Package}\n";
        Assert.True(merchantKey.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(parameters.PaySign), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void There_is_nothing_to_sign_without_a_prepay_id(string prepayId)
    {
        using var services = WeChatPayHarness.Build(WeChatPayOptionsTests.Settings());

        Assert.Throws<ArgumentException>(() => services.GetRequiredService<RequestPaymentSigner>().Sign(prepayId));
    }
}
