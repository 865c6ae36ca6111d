using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// Refuses to start with WeChat Pay settings that cannot work, each problem a sentence naming its setting.
/// A message never quotes a key or the APIv3 key: only the names of settings (and of a key file).
/// </summary>
public sealed partial class WeChatPayOptionsValidation : IValidateOptions<WeChatPayOptions>
{
    private const string Section = WeChatPayOptions.Section;
    private const int TransferRemarkMaxLength = 32;

    public ValidateOptionsResult Validate(string? name, WeChatPayOptions options) =>
        Problems(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;

    /// <summary>Every problem with these settings; empty when WeChat Pay can work with them.</summary>
    public static IReadOnlyList<string> Problems(WeChatPayOptions options)
    {
        var problems = new List<string>();
        Check(problems, options.AppId is { } appId && AppIdPattern().IsMatch(appId),
            $"{Section}:AppId must be the mini-program's AppID (wx and 16 letters or digits).");
        Check(problems, options.MchId is { } mchId && DigitsPattern().IsMatch(mchId),
            $"{Section}:MchId must be the merchant id: digits only.");
        Check(problems, options.MerchantCertificateSerial is { } serial && SerialPattern().IsMatch(serial),
            $"{Section}:MerchantCertificateSerial must be the merchant API certificate's serial number (hexadecimal).");
        Check(problems, options.PlatformPublicKeyId is { } keyId && PublicKeyIdPattern().IsMatch(keyId),
            $"{Section}:PlatformPublicKeyId must be WeChat Pay's public key id (PUB_KEY_ID_ and letters or digits).");
        Check(problems, IsServiceUrl(options.BaseUrl),
            $"{Section}:BaseUrl must be an absolute https URL (http only to a loopback address).");
        Check(problems, IsServiceUrl(options.NotifyUrl) && string.IsNullOrEmpty(options.NotifyUrl!.Query) && string.IsNullOrEmpty(options.NotifyUrl.Fragment),
            $"{Section}:NotifyUrl must be an absolute https URL without a query (http only to a loopback address).");
        Check(problems, options.Timeout >= WeChatPayOptions.MinTimeout && options.Timeout <= WeChatPayOptions.MaxTimeout,
            $"{Section}:Timeout must be between {WeChatPayOptions.MinTimeout} and {WeChatPayOptions.MaxTimeout}.");
        Check(problems, options.TransferSceneId is { } sceneId && DigitsPattern().IsMatch(sceneId),
            $"{Section}:TransferSceneId must be the transfer scene id granted to the merchant (digits, e.g. 1005).");
        Check(problems, options.TransferSceneReportInfos.Count > 0
                && options.TransferSceneReportInfos.All(info => !string.IsNullOrWhiteSpace(info.InfoType) && !string.IsNullOrWhiteSpace(info.InfoContent)),
            $"{Section}:TransferSceneReportInfos must list the scene's report items, each with an InfoType and an InfoContent ({Section}:TransferSceneReportInfos:0:InfoType ...).");
        Check(problems, options.TransferUserRecvPerception is not { Length: > TransferRemarkMaxLength },
            $"{Section}:TransferUserRecvPerception must be at most {TransferRemarkMaxLength} characters.");
        using var keys = WeChatPayKeys.TryLoad(options, problems);
        return problems;
    }

    private static void Check(List<string> problems, bool holds, string problem)
    {
        if (!holds)
            problems.Add(problem);
    }

    // WeChat Pay itself is https; http is for a fake on this machine.
    private static bool IsServiceUrl(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url)))
        && string.IsNullOrEmpty(url.UserInfo);

    private static bool IsLoopback(Uri url) => url.IsLoopback || (IPAddress.TryParse(url.Host, out var address) && IPAddress.IsLoopback(address));

    [GeneratedRegex("^wx[0-9A-Za-z]{16}$")]
    private static partial Regex AppIdPattern();

    [GeneratedRegex("^[0-9]{1,32}$")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex("^[0-9A-Fa-f]{8,64}$")]
    private static partial Regex SerialPattern();

    [GeneratedRegex("^PUB_KEY_ID_[0-9A-Za-z_]{1,100}$")]
    private static partial Regex PublicKeyIdPattern();
}
