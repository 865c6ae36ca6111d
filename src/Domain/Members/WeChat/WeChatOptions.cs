using System.Diagnostics.CodeAnalysis;

namespace ETicket.Domain.Members.WeChat;

/// <summary>Configuration section <c>ETicket:WeChat</c>: the mini-program's credentials and where WeChat's API is.</summary>
public sealed class WeChatOptions
{
    public const string Section = "ETicket:WeChat";

    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(1);

    /// <summary>WeChat's API; tests point it at a fake on loopback.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.weixin.qq.com");

    /// <summary>The mini-program's AppID.</summary>
    public string? AppId { get; set; }

    /// <summary>The mini-program's AppSecret: give it through the environment, never in a committed file.</summary>
    public string? AppSecret { get; set; }

    /// <summary>How long a sign-in waits for WeChat in all, its one retry included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Without both, the platform still starts and WeChat sign-in answers that it is not set up.</summary>
    [MemberNotNullWhen(true, nameof(AppId), nameof(AppSecret))]
    public bool HasCredentials => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppSecret);
}
