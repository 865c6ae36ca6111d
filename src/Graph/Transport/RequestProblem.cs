namespace ETicket.Graph.Transport;

/// <summary>Why a request is refused before GraphQL sees it, and the HTTP status that says so.</summary>
public sealed class RequestProblem(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
