using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ETicket.Bench;

/// <summary>The bench's own servers (the raw floor, the minimal GraphQL.NET server): slim, on a free loopback port.</summary>
public static class LoopbackServer
{
    /// <summary>
    /// Content root at the bench's binaries and no configuration reload: by default the content root
    /// is the working directory (the repository), and reloading appsettings.json on change watches it
    /// recursively, thousands of directories, whose file events (a profiler's output, MariaDB's
    /// files) would then cost CPU inside the process being measured.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--urls=http://127.0.0.1:0", "--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>Starts the app and returns the address of <paramref name="path"/> on it.</summary>
    public static async Task<Uri> StartAsync(WebApplication app, string path)
    {
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return new Uri(address, path);
    }
}
