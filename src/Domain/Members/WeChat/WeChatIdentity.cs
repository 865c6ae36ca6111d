namespace ETicket.Domain.Members.WeChat;

/// <summary>
/// Who WeChat says signed in: the openid (one per user and mini-program) and, once the mini-program is
/// bound to an open platform account, the unionid.
/// </summary>
public sealed record WeChatIdentity(string OpenId, string? UnionId);
