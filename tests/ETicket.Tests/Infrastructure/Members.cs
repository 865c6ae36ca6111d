namespace ETicket.Tests.Infrastructure;

public sealed record SignedInMember(string Id, string AccessToken);

public static class MemberSessions
{
    /// <summary>Signs in through the API (Development sign-in) and returns the member id and access token.</summary>
    public static async Task<SignedInMember> SignInAsync(this PlatformServer server, string phoneNumber, string? nickname = null)
    {
        var data = (await server.PostAsync(
            "mutation($input: SignInForDevelopmentInput!) { signInForDevelopment(input: $input) { session { accessToken member { id } } errors { code message } } }",
            new { input = new { phoneNumber, nickname } })).Ok();
        var session = data["signInForDevelopment"]!["session"]!;
        return new SignedInMember(session["member"]!["id"]!.GetValue<string>(), session["accessToken"]!.GetValue<string>());
    }
}
