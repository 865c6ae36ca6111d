using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Members.WeChat;

/// <summary>
/// The platform starts without WeChat credentials (development, tests, a members subgraph being set up);
/// this says so once at start, rather than leaving it to the first member who tries to sign in.
/// </summary>
internal sealed partial class MissingWeChatCredentialsWarning(IOptions<WeChatOptions> options, ILogger<MissingWeChatCredentialsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.HasCredentials)
            LogMissing(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat sign-in is off until ETicket:WeChat:AppId and ETicket:WeChat:AppSecret are set " +
        "(environment: ETicket__WeChat__AppId, ETicket__WeChat__AppSecret); signInWithWeChat answers WECHAT_SIGN_IN_FAILED.")]
    private static partial void LogMissing(ILogger logger);
}
