using ETicket.Domain.Common;

namespace ETicket.Domain.Listings;

/// <summary>
/// The tickets module's copy of a seller's public profile: what a listing shows of its seller
/// without asking the members module (the tickets subgraph provides <c>Listing.seller</c>'s
/// nickname and avatar from it). Made when the member first publishes, kept current by
/// <see cref="Events.MemberProfileChanged"/>. Never anything private: no phone number, no standing.
/// </summary>
public sealed class SellerProfile : IEntity
{
    private SellerProfile() { }

    public string MemberId { get; private set; } = "";
    public string Nickname { get; private set; } = "";
    public string? AvatarUrl { get; private set; }

    string IEntity.Id => MemberId;

    /// <summary>What a listing shows for a seller the copy does not have (a row written before copies existed).</summary>
    public static SellerProfile StandIn(string memberId) => new() { MemberId = memberId, Nickname = Members.Member.MissingNickname };
}
