using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Security.Claims;
using ETicket.Graph.Common;
using ETicket.Graph.Limits;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Transport;

/// <summary>Parses and runs one GraphQL request against this process's schema; shared by every transport.</summary>
public sealed class GraphQLExecutor(IDocumentExecuter<ETicketSchema> executer, IDocumentBuilder documentBuilder, IOptions<QueryLimitOptions> limits, DocumentCache documents)
{
    /// <summary>
    /// Parses with the executer's own parser settings, once per request, so a transport can look at
    /// the operation before running it (GET refuses mutations). A document that does not parse, or
    /// nests deeper than the parser allows, is the client's error, returned to answer with; so is one
    /// longer than <see cref="QueryLimitOptions.MaxDocumentLength"/>, refused before any parsing.
    /// </summary>
    public bool TryParse(
        string query,
        [NotNullWhen(true)] out GraphQLDocument? document,
        [NotNullWhen(false)] out ExecutionError? error)
    {
        if (query.Length > limits.Value.MaxDocumentLength)
        {
            document = null;
            error = QueryLimitErrors.DocumentTooLong(query.Length, limits.Value.MaxDocumentLength);
            return false;
        }
        // A text that passed validation before: no parsing, and the executer skips most validation.
        if (documents.TryGet(query, out document))
        {
            error = null;
            return true;
        }
        try
        {
            document = documentBuilder.Build(query);
            error = null;
            return true;
        }
        catch (SyntaxError syntaxError)
        {
            document = null;
            error = syntaxError;
            return false;
        }
        catch (GraphQLMaxDepthExceededException tooDeep)
        {
            // Left to the executer, this would surface as an unhandled error: INTERNAL_SERVER_ERROR.
            document = null;
            error = ErrorCodes.Error(ErrorCodes.QueryTooComplex, "The document is nested too deeply.");
            error.AddLocation(tooDeep.Location);
            return false;
        }
    }

    public Task<ExecutionResult> ExecuteAsync(
        GraphQLHttpRequest request,
        GraphQLDocument document,
        ClaimsPrincipal? user,
        IPAddress? clientAddress,
        IServiceProvider requestServices,
        CancellationToken cancellationToken) =>
        executer.ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.Document = document;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            // Never null, so a sign-in can add the new member's identity for the rest of the request.
            options.User = user ?? new ClaimsPrincipal(new ClaimsIdentity());
            ClientAddress.Set(options.UserContext, clientAddress);
            options.RequestServices = requestServices;
            options.CancellationToken = cancellationToken;
        });
}
