using System.Security.Claims;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQLParser.AST;

namespace ETicket.Graph.Transport;

/// <summary>Runs one GraphQL request against this process's schema; shared by every transport.</summary>
public sealed class GraphQLExecutor(IDocumentExecuter<ETicketSchema> executer)
{
    public Task<ExecutionResult> ExecuteAsync(
        GraphQLHttpRequest request,
        ClaimsPrincipal? user,
        IServiceProvider requestServices,
        CancellationToken cancellationToken,
        GraphQLDocument? parsedDocument = null) =>
        executer.ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.Document = parsedDocument;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            // Never null, so a sign-in can add the new member's identity for the rest of the request.
            options.User = user ?? new ClaimsPrincipal(new ClaimsIdentity());
            options.RequestServices = requestServices;
            options.CancellationToken = cancellationToken;
        });
}
