using GraphQL;

namespace ETicket.Graph.Common;

/// <summary>The contract's codes for failures of the request itself, in <c>errors[].extensions.code</c>.</summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string RateLimited = "RATE_LIMITED";
    public const string LiveUpdatesUnavailable = "LIVE_UPDATES_UNAVAILABLE";

    /// <summary>A WebSocket already runs as many operations as it may (ETicket:Subscriptions:MaxSubscriptionsPerConnection).</summary>
    public const string TooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS";

    /// <summary>The member already holds as many streaming connections as they may (ETicket:Subscriptions:MaxConnectionsPerMember).</summary>
    public const string TooManyConnections = "TOO_MANY_CONNECTIONS";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>The search index is being built or its backend cannot be reached: retry shortly (docs/search.md).</summary>
    public const string SearchUnavailable = "SEARCH_UNAVAILABLE";

    public static ExecutionError Error(string code, string message) => new(message) { Code = code };
}
