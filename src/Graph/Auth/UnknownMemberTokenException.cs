using Microsoft.IdentityModel.Tokens;

namespace ETicket.Graph.Auth;

/// <summary>A validly signed access token whose member this database does not have.</summary>
public sealed class UnknownMemberTokenException() : SecurityTokenValidationException("The access token's member does not exist here.");
