namespace ETicket.Graph.Transport;

/// <summary>
/// Why a request is refused before GraphQL sees it, and the HTTP status that says so; the error's
/// <c>extensions.code</c> is <paramref name="code"/>, else UNAUTHENTICATED for 401 and BAD_USER_INPUT otherwise.
/// </summary>
public sealed class RequestProblem(int status, string message, string? code = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code ?? (status == StatusCodes.Status401Unauthorized ? Common.ErrorCodes.Unauthenticated : Common.ErrorCodes.BadUserInput);
}
