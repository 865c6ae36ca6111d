using Microsoft.Net.Http.Headers;

namespace ETicket.Graph.Transport;

/// <summary>Content negotiation per GraphQL over HTTP.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string ServerSentEventStream = "text/event-stream";
    public const string MultipartFormData = "multipart/form-data";

    /// <summary>A POST body must be JSON, in UTF-8 when a charset is given.</summary>
    public static bool IsJsonRequest(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || type.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    /// <summary>A POST that carries files: the GraphQL multipart request (see <see cref="Uploads.MultipartRequestReader"/>).</summary>
    public static bool IsMultipartRequest(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals(MultipartFormData, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The response type: graphql-response+json when the client accepts it, else application/json
    /// (also for a missing Accept header and wildcards); null when the client accepts neither.
    /// </summary>
    public static string? Negotiate(IList<string>? acceptHeaders)
    {
        if (acceptHeaders is null || acceptHeaders.Count == 0 || !MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted) || accepted.Count == 0)
            return Json;
        string? best = null;
        double bestQuality = 0;
        foreach (var range in accepted)
        {
            var quality = range.Quality ?? 1;
            if (quality <= 0)
                continue;
            var candidate = range.MediaType.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase) ? GraphQLResponse
                : range.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) || range.MatchesAllTypes || range.MatchesAllSubTypes && range.Type.Equals("application", StringComparison.OrdinalIgnoreCase) ? Json
                : null;
            // Equal weight: prefer the explicit graphql-response+json the spec recommends.
            if (candidate is not null && (quality > bestQuality || quality == bestQuality && candidate == GraphQLResponse))
                (best, bestQuality) = (candidate, quality);
        }
        return best;
    }

    /// <summary>
    /// Whether the client asks for Server-Sent Events (GraphQL over SSE): it names text/event-stream
    /// itself (a wildcard does not count), at least as strongly as any JSON type it accepts.
    /// </summary>
    public static bool PrefersEventStream(IList<string>? acceptHeaders)
    {
        if (acceptHeaders is null || !MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted))
            return false;
        var eventStream = accepted.Where(range => range.MediaType.Equals(ServerSentEventStream, StringComparison.OrdinalIgnoreCase))
            .Select(range => range.Quality ?? 1).DefaultIfEmpty(0).Max();
        if (eventStream <= 0)
            return false;
        var json = accepted.Where(range => !range.MediaType.Equals(ServerSentEventStream, StringComparison.OrdinalIgnoreCase) && Negotiate([range.ToString()]) is not null)
            .Select(range => range.Quality ?? 1).DefaultIfEmpty(0).Max();
        return eventStream >= json;
    }

    public static bool WantsHtml(IList<string>? acceptHeaders) =>
        acceptHeaders is not null && MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
