namespace ETicket.Graph.Auth;

public static class TokenNames
{
    public const string Issuer = "eticket";
    public const string Audience = "eticket";
}
