namespace ETicket.Domain.Members;

public static class MembershipLevels
{
    /// <summary>0-99 NORMAL, 100-499 SILVER, 500-999 GOLDEN, 1000 and more DIAMOND.</summary>
    public static MembershipLevel ForCreditPoints(int points) => points switch
    {
        >= 1000 => MembershipLevel.Diamond,
        >= 500 => MembershipLevel.Golden,
        >= 100 => MembershipLevel.Silver,
        _ => MembershipLevel.Normal,
    };
}
