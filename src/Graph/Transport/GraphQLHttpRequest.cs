using GraphQL;

namespace ETicket.Graph.Transport;

/// <summary>One GraphQL request as the transport received it.</summary>
public sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);
