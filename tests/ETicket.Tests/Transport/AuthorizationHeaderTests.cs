using System.Security.Cryptography;
using ETicket.Domain.Members;
using ETicket.Domain.Members.Sessions;
using ETicket.Graph.Auth;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace ETicket.Tests.Transport;

/// <summary>
/// No Authorization header: anonymous. An Authorization header that does not authenticate refuses
/// the whole request with 401 UNAUTHENTICATED, whatever the operation.
/// </summary>
public sealed class AuthorizationHeaderTests(PlatformServerFixture platform) : IClassFixture<PlatformServerFixture>
{
    private const string Me = """{"query":"{ me { id } }"}""";

    [Fact]
    public async Task Without_an_Authorization_header_the_request_is_anonymous()
    {
        var answer = await platform.Server.PostRawAsync(Me, accept: Media.GraphQLResponse);

        Assert.Equal(200, answer.Status);
        Assert.Null(answer.Errors);
        Assert.Equal("null", answer.Data?["me"]?.ToJsonString() ?? "null");
    }

    [Fact]
    public async Task A_valid_bearer_token_identifies_the_member()
    {
        var member = await platform.Server.SignInAsync("13800138001", "Auth");

        var answer = await platform.Server.PostRawAsync(Me, authorization: "Bearer " + member.AccessToken);

        Assert.Equal(200, answer.Status);
        Assert.Equal(member.Id, answer.Data?["me"]?["id"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl")]
    public async Task An_invalid_bearer_token_gets_401_invalid_token(string authorization)
    {
        var answer = await platform.Server.PostRawAsync(Me, authorization: authorization);

        TransportAssert.Refused(answer, 401, "UNAUTHENTICATED");
        Assert.StartsWith("Bearer error=\"invalid_token\"", answer.Header("WWW-Authenticate"));
    }

    [Theory]
    [InlineData("Basic xyz")]
    [InlineData("garbage")]
    [InlineData("Bearer")]
    [InlineData("")]
    public async Task An_Authorization_header_without_a_bearer_token_gets_401(string authorization)
    {
        var answer = await platform.Server.PostRawAsync(Me, authorization: authorization);

        TransportAssert.Refused(answer, 401, "UNAUTHENTICATED");
        Assert.Equal("Bearer", answer.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task An_expired_token_gets_401_saying_so()
    {
        var issuer = platform.Server.Services.GetRequiredService<IAccessTokenIssuer>();
        var issuedAt = DateTimeOffset.UtcNow.AddHours(-2);
        var token = issuer.Issue(Member.JoinWithPhoneNumber("13800138002", null, issuedAt), issuedAt, TimeSpan.FromMinutes(15)).Token;

        var answer = await platform.Server.PostRawAsync(Me, authorization: "Bearer " + token);

        TransportAssert.Refused(answer, 401, "UNAUTHENTICATED");
        Assert.Contains("expired", answer.FirstErrorMessage);
        Assert.Contains("invalid_token", answer.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_gets_401()
    {
        var forger = new JwtAccessTokenIssuer(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));
        var token = forger.Issue(Member.JoinWithPhoneNumber("13800138003", null, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15)).Token;

        var answer = await platform.Server.PostRawAsync(Me, authorization: "Bearer " + token);

        TransportAssert.Refused(answer, 401, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_bad_token_is_refused_before_anything_else_is_looked_at()
    {
        var badBody = await platform.Server.PostRawAsync("{", authorization: "Bearer nope", accept: Media.GraphQLResponse);
        var overGet = await platform.Server.GetRawAsync([("query", "{ __typename }")], authorization: "Bearer nope");

        TransportAssert.Refused(badBody, 401, "UNAUTHENTICATED");
        TransportAssert.MediaType(badBody, Media.GraphQLResponse);
        TransportAssert.Refused(overGet, 401, "UNAUTHENTICATED");
    }
}
