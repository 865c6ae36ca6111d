using System.Globalization;
using ETicket.Domain.Common;

namespace ETicket.Domain.Members;

/// <summary>What a profile may hold.</summary>
public static class ProfileRules
{
    /// <summary>The most UTF-16 units a nickname may take in storage, however its characters combine.</summary>
    public const int NicknameMaxStoredLength = 255;

    /// <summary>1 to 30 characters (already trimmed); an emoji or a Chinese character counts as one.</summary>
    public static UserError? CheckNickname(string nickname, string field = "nickname")
    {
        var length = new StringInfo(nickname).LengthInTextElements;
        return length is >= 1 and <= Member.NicknameMaxLength && nickname.Length <= NicknameMaxStoredLength
            ? null
            : UserError.Validation(field, $"A nickname has 1 to {Member.NicknameMaxLength} characters.");
    }

    public static UserError? CheckAvatarUrl(string avatarUrl, string field = "avatarUrl") =>
        WebUrls.IsValid(avatarUrl) ? null : UserError.Validation(field, "An avatar is an http(s) address.");
}
