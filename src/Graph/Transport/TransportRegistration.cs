using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Transport;

public static class TransportRegistration
{
    /// <summary>
    /// <see cref="TransportOptions"/>, checked at start, and the request body rate they give Kestrel;
    /// <see cref="NetworkOptions"/>, whose proxies are checked when the host is built (<see cref="TrustedProxies"/>).
    /// </summary>
    public static IServiceCollection AddTransportOptions(this IServiceCollection services)
    {
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section).ValidateOnStart();
        services.AddOptions<TransportOptions>().BindConfiguration(TransportOptions.Section)
            .Validate(options => options.MaxRequestBytes >= 1, $"{TransportOptions.Section}:MaxRequestBytes must be at least 1.")
            .Validate(options => options.MaxUploadFiles >= 0, $"{TransportOptions.Section}:MaxUploadFiles must be at least 0.")
            .Validate(options => options.MaxUploadFileBytes >= 1, $"{TransportOptions.Section}:MaxUploadFileBytes must be at least 1.")
            .Validate(options => options.MinRequestBodyBytesPerSecond > 0, $"{TransportOptions.Section}:MinRequestBodyBytesPerSecond must be more than 0.")
            // Kestrel checks the rate once a second, and refuses a shorter grace.
            .Validate(options => options.RequestBodyGracePeriod > TimeSpan.FromSeconds(1), $"{TransportOptions.Section}:RequestBodyGracePeriod must be longer than one second.")
            .ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<TransportOptions>>((kestrel, transport) =>
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(transport.Value.MinRequestBodyBytesPerSecond, transport.Value.RequestBodyGracePeriod));
        return services;
    }
}
