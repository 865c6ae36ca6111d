using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Domain.DemoData.Services;

public static class DemoDataRegistration
{
    /// <summary>
    /// The seed command's services, on top of the platform's. Its clock replaces the platform's, so
    /// the services that replay the demo's past (<see cref="HistoryReplay"/>) take their time from
    /// it; only the seed command's host registers this.
    /// </summary>
    public static IServiceCollection AddDemoDataSeeding(this IServiceCollection services)
    {
        services.AddSingleton<HistoryClock>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<HistoryClock>());
        services.AddSingleton<HistoryReplay>();
        services.AddScoped<DemoDataSeeder>();
        return services;
    }
}
