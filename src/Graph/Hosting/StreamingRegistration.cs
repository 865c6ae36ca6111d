using ETicket.Graph.Transport;
using ETicket.Graph.Transport.ServerSentEvents;
using ETicket.Graph.Transport.WebSockets;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Hosting;

public static class StreamingRegistration
{
    /// <summary>The WebSocket and Server-Sent Events transports, their limits (<see cref="SubscriptionOptions"/>) and what they share.</summary>
    public static IServiceCollection AddStreamingTransports(this IServiceCollection services)
    {
        services.AddOptions<SubscriptionOptions>().BindConfiguration(SubscriptionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SubscriptionOptions>, SubscriptionOptionsValidation>();
        services.AddSingleton<MemberConnections>();
        services.AddSingleton<BearerCredentials>();
        services.AddSingleton<GraphQLWebSocketEndpoint>();
        services.AddSingleton<GraphQLServerSentEventsEndpoint>();
        return services;
    }

    /// <summary>Accepts WebSocket upgrades, with ping frames per <see cref="SubscriptionOptions.KeepAliveInterval"/>.</summary>
    public static IApplicationBuilder UseStreamingTransports(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<SubscriptionOptions>>().Value;
        return app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.KeepAliveInterval, KeepAliveTimeout = options.KeepAliveTimeout });
    }
}
