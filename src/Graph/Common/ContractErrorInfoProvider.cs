using ETicket.Domain.Common;
using GraphQL;
using GraphQL.Execution;

namespace ETicket.Graph.Common;

/// <summary>
/// Gives every error one of the contract's codes and a message fit for a client: malformed documents
/// and arguments are BAD_USER_INPUT, access failures carry their own code, and anything unexpected is
/// INTERNAL_SERVER_ERROR with no internals (they go to the log, with the request's trace id).
/// </summary>
public sealed class ContractErrorInfoProvider : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var (code, message) = Classify(executionError);
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (executionError.Extensions is { Count: > 0 } extra)
        {
            foreach (var (key, value) in extra)
                extensions[key] = value;
        }
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static (string Code, string Message) Classify(ExecutionError error) => error switch
    {
        { Code: { } code } when IsContractCode(code) => (code, error.Message),
        UnhandledError { InnerException: AccessDeniedException denied } => (CodeFor(denied.Denial), denied.Message),
        UnhandledError { InnerException: BadInputException bad } => (ErrorCodes.BadUserInput, bad.Message),
        UnhandledError { InnerException: ETicket.Search.SearchIndexUnavailableException unavailable } => (ErrorCodes.SearchUnavailable, unavailable.Message),
        UnhandledError { InnerException: ETicket.Search.SearchUnavailableException } =>
            (ErrorCodes.SearchUnavailable, "Search cannot answer right now; please try again shortly."),
        UnhandledError => (ErrorCodes.InternalServerError, "Something went wrong on our side. Please try again later."),
        // Our scalars explain what is wrong with a value ("more than two decimal places"); say it.
        DocumentError { InnerException: FormatException reason } => (ErrorCodes.BadUserInput, $"{error.Message}: {reason.Message}"),
        DocumentError => (ErrorCodes.BadUserInput, error.Message),
        _ => (ErrorCodes.InternalServerError, error.Message),
    };

    private static string CodeFor(AccessDenial denial) =>
        denial == AccessDenial.Unauthenticated ? ErrorCodes.Unauthenticated : ErrorCodes.Forbidden;

    // The contract's codes, and those of live updates (docs/subscriptions.md); any other code is not ours to pass on.
    private static bool IsContractCode(string code) => code is ErrorCodes.Unauthenticated or ErrorCodes.Forbidden
        or ErrorCodes.BadUserInput or ErrorCodes.QueryTooComplex or ErrorCodes.RateLimited or ErrorCodes.InternalServerError
        or ErrorCodes.LiveUpdatesUnavailable or ErrorCodes.TooManySubscriptions or ErrorCodes.TooManyConnections
        or ErrorCodes.SearchUnavailable;
}
