using ETicket.Domain.Members;
using GraphQL.Types;

namespace ETicket.Graph.Members;

public sealed class MembershipLevelType : EnumerationGraphType<MembershipLevel>
{
    public MembershipLevelType()
    {
        Name = "MembershipLevel";
        Description = "Derived from creditPoints: 0-99 NORMAL, 100-499 SILVER, 500-999 GOLDEN, 1000 and more DIAMOND.";
    }
}
