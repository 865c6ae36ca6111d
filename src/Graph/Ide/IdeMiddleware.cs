using Microsoft.Extensions.FileProviders;

namespace ETicket.Graph.Ide;

/// <summary>
/// Banana Cake Pop, served from the build output at the API's path plus "/" (e.g. /graphql/):
/// no CDN, telemetry off (bcp-config.json), pointed at this process's own endpoint.
/// Must run before routing, which would otherwise match /graphql/ to the API's endpoint.
/// </summary>
public static class IdeMiddleware
{
    public const string OutputFolder = "ide";

    public static IApplicationBuilder UseIde(this IApplicationBuilder app, string apiPath)
    {
        var root = Path.Combine(AppContext.BaseDirectory, OutputFolder);
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            // The build copies the IDE in from npm; say so rather than answer a bare 404.
            var idePath = new PathString(apiPath + "/");
            return app.Use((http, next) =>
            {
                if (http.Request.Path != idePath)
                    return next(http);
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return http.Response.WriteAsync("The IDE is not in the build output: build src/Graph with Node 20 and npm on the PATH.");
            });
        }
        var files = new PhysicalFileProvider(root);
        var ideRoot = new PathString(apiPath + "/");
        var hashedAssets = new PathString(apiPath + "/static");
        // index.html for the folder address only: unconditionally, DefaultFiles would also serve it
        // for GET /graphql (no slash), which is the API.
        app.UseWhen(http => http.Request.Path == ideRoot,
            ide => ide.UseDefaultFiles(new DefaultFilesOptions { RequestPath = apiPath, FileProvider = files }));
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = apiPath,
            FileProvider = files,
            // static/ file names carry a content hash, so they never change; everything else
            // (index.html, bcp-config.json, service-worker.js) is revalidated so an upgrade or a
            // config edit shows up on the next load.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments(hashedAssets) ? "public, max-age=31536000, immutable" : "no-cache",
        });
    }
}
