using ETicket.Domain.Common;

namespace ETicket.Domain.Members.Sessions;

/// <summary>A refresh token, stored only as a hash. Tokens rotated from one sign-in form a family.</summary>
public sealed class RefreshToken
{
    private RefreshToken() { }

    public string Id { get; private set; } = "";
    public string MemberId { get; private set; } = "";
    public string FamilyId { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public static RefreshToken Issue(string memberId, string familyId, string tokenHash, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Id = Ids.New(),
        MemberId = memberId,
        FamilyId = familyId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };
}
