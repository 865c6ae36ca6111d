namespace ETicket.Domain.Common;

/// <summary>Who is asking could not be established or may not ask: a failure of the request, not a business outcome.</summary>
public sealed class AccessDeniedException(AccessDenial denial, string message) : Exception(message)
{
    public AccessDenial Denial { get; } = denial;

    public static AccessDeniedException SignInRequired() => new(AccessDenial.Unauthenticated, "Sign in to do this.");
    public static AccessDeniedException Forbidden(string message) => new(AccessDenial.Forbidden, message);
}
