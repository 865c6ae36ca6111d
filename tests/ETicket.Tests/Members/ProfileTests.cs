using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Members;

public sealed class ProfileTests
{
    private const string Update = """
        mutation($input: UpdateProfileInput!) {
          updateProfile(input: $input) { member { id nickname avatarUrl gender } errors { code field message } }
        }
        """;

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_member_edits_only_the_fields_they_send(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var member = await server.SignInAsync("13800000001", "Before");

        var first = (await server.PostAsync(Update, new { input = new { nickname = "  小明🎫  ", avatarUrl = "https://img.example.com/a.png", gender = "FEMALE" } },
            member.AccessToken)).Ok()["updateProfile"]!;
        Assert.Empty(first["errors"]!.AsArray());
        Assert.Equal("小明🎫", first["member"]!["nickname"]!.GetValue<string>());

        var second = (await server.PostAsync(Update, new { input = new { gender = "MALE" } }, member.AccessToken)).Ok()["updateProfile"]!["member"]!;
        Assert.Equal("小明🎫", second["nickname"]!.GetValue<string>());
        Assert.Equal("https://img.example.com/a.png", second["avatarUrl"]!.GetValue<string>());
        Assert.Equal("MALE", second["gender"]!.GetValue<string>());

        var third = (await server.PostAsync(Update, new { input = new { avatarUrl = "" } }, member.AccessToken)).Ok()["updateProfile"]!["member"]!;
        Assert.Null(third["avatarUrl"]);
        Assert.Equal(member.Id, third["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("   ", null, "nickname")]
    [InlineData("1234567890123456789012345678901", null, "nickname")]
    [InlineData(null, "ftp://example.com/a.png", "avatarUrl")]
    [InlineData(null, "not a url", "avatarUrl")]
    public async Task Invalid_profiles_are_refused_naming_the_field(string? nickname, string? avatarUrl, string field)
    {
        await using var server = await PlatformServer.StartAsync();
        var member = await server.SignInAsync("13800000001", "Unchanged");

        var payload = (await server.PostAsync(Update, new { input = new { nickname, avatarUrl } }, member.AccessToken)).Ok()["updateProfile"]!;

        Assert.Null(payload["member"]);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("VALIDATION_FAILED", error["code"]!.GetValue<string>());
        Assert.Equal(field, error["field"]!.GetValue<string>());
        Assert.Equal("Unchanged", (await server.PostAsync("{ me { nickname } }", accessToken: member.AccessToken)).Ok()["me"]!["nickname"]!.GetValue<string>());
    }

    [Fact]
    public async Task Thirty_characters_are_counted_as_people_see_them()
    {
        await using var server = await PlatformServer.StartAsync();
        var member = await server.SignInAsync("13800000001");
        var thirtyEmoji = string.Concat(Enumerable.Repeat("👨‍👩‍👧", 30));

        var payload = (await server.PostAsync(Update, new { input = new { nickname = thirtyEmoji } }, member.AccessToken)).Ok()["updateProfile"]!;

        Assert.Empty(payload["errors"]!.AsArray());
    }

    [Fact]
    public async Task Editing_a_profile_needs_a_signed_in_member()
    {
        await using var server = await PlatformServer.StartAsync();
        var response = await server.PostAsync(Update, new { input = new { nickname = "Anyone" } });
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
    }
}
