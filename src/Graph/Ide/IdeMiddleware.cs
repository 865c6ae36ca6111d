using Microsoft.Extensions.FileProviders;

namespace ETicket.Graph.Ide;

/// <summary>
/// Banana Cake Pop, served from the build output at the API's path plus "/" (e.g. /graphql/):
/// no CDN, telemetry off (bcp-config.json), pointed at this process's own endpoint.
/// </summary>
public static class IdeMiddleware
{
    public const string OutputFolder = "ide";

    public static IApplicationBuilder UseIde(this IApplicationBuilder app, string apiPath)
    {
        var root = Path.Combine(AppContext.BaseDirectory, OutputFolder);
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            // The build copies the IDE in from npm; say so rather than serving a blank page.
            return app.Map(apiPath + "/", ide => ide.Run(http =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return http.Response.WriteAsync("The IDE was not built: run `npm ci` in src/Graph/Ide (Node 20) and build again.");
            }));
        }
        var files = new PhysicalFileProvider(root);
        // No trailing-slash redirect: GET /graphql (no slash) is the API itself.
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = apiPath, FileProvider = files, RedirectToAppendTrailingSlash = false });
        return app.UseStaticFiles(new StaticFileOptions { RequestPath = apiPath, FileProvider = files });
    }
}
