using GraphQL;
using GraphQL.Builders;

namespace ETicket.Graph.Members;

public static class SignInRateLimit
{
    /// <summary>Field metadata marking a field whose every call counts against its client address's sign-in budget.</summary>
    public const string MetadataKey = "ETicket.SignInRateLimit";

    /// <summary>
    /// Counts each call of this field against the client address's sign-in budget
    /// (<see cref="SignInRateLimitOptions"/>); over it, the field fails with RATE_LIMITED. The
    /// middleware wraps this field alone, so unmarked fields pay nothing.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> WithSignInRateLimit<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.WithMetadata(MetadataKey, true).ApplyMiddleware<SignInRateLimitMiddleware>();
}
