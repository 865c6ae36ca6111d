using ETicket.Domain.Pictures;
using ETicket.Domain.Pictures.Services;
using Microsoft.Net.Http.Headers;

namespace ETicket.Graph.Pictures;

/// <summary>
/// GET /pictures/{id} and /pictures/{id}/thumbnail, where pictures live (all-in-one, tickets; the gateway
/// passes them on). An unknown id, a missing or expired signature and a wrong one are all a plain 404,
/// so an address tells nothing about pictures it does not open.
/// </summary>
public static class PictureEndpoint
{
    public static IEndpointRouteBuilder MapPictures(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<PictureUrlSigner>() is null)
            return endpoints;
        endpoints.MapGet(PictureUrls.PathPrefix + "{id}", (HttpContext http, string id, PictureAccess access) =>
            SendAsync(http, access, id, PictureVariant.Image));
        endpoints.MapGet(PictureUrls.PathPrefix + "{id}" + PictureUrls.ThumbnailSuffix, (HttpContext http, string id, PictureAccess access) =>
            SendAsync(http, access, id, PictureVariant.Thumbnail));
        return endpoints;
    }

    private static async Task SendAsync(HttpContext http, PictureAccess access, string id, PictureVariant variant)
    {
        var query = http.Request.Query;
        long? expires = long.TryParse(query["expires"], out var seconds) ? seconds : null;
        var delivery = await access.OpenAsync(id, variant, expires, query["signature"], http.RequestAborted);
        var response = http.Response;
        if (delivery is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await using var content = delivery.Content;
        response.ContentType = delivery.ContentType;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'";
        // A public picture never changes under its address; a secret one is for its viewer only, and not kept.
        response.Headers[HeaderNames.CacheControl] = delivery.IsPublic ? "public, max-age=31536000, immutable" : "private, no-store";
        if (content.CanSeek)
            response.ContentLength = content.Length;
        await content.CopyToAsync(response.Body, http.RequestAborted);
    }
}
