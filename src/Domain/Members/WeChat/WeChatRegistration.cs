using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ETicket.Domain.Members.WeChat;

public static class WeChatRegistration
{
    /// <summary>Sign-in from the mini-program, configured from <see cref="WeChatOptions.Section"/>.</summary>
    public static IServiceCollection AddWeChatSignIn(this IServiceCollection services)
    {
        services.AddOptions<WeChatOptions>()
            .BindConfiguration(WeChatOptions.Section)
            .Validate(o => o.BaseUrl is { IsAbsoluteUri: true, Scheme: "https" or "http" },
                $"{WeChatOptions.Section}:BaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.Timeout >= WeChatOptions.MinTimeout && o.Timeout <= WeChatOptions.MaxTimeout,
                $"{WeChatOptions.Section}:Timeout must be between {WeChatOptions.MinTimeout} and {WeChatOptions.MaxTimeout}.")
            .ValidateOnStart();
        services.AddHostedService<MissingWeChatCredentialsWarning>();
        services.AddHttpClient<JsCode2SessionClient>()
            // The factory's default logging writes each request's URL, which holds the AppSecret and the code.
            // .NET redacts the query there, but DOTNET_SYSTEM_NET_HTTP_DISABLEURIREDACTION lifts that for every client.
            .RemoveAllLoggers()
            .AddResilienceHandler("jscode2session", JsCode2SessionResilience.Configure);
        services.TryAddScoped<WeChatSignIn>();
        return services;
    }
}
