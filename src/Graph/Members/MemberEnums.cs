using ETicket.Domain.Members;
using GraphQL.Types;

namespace ETicket.Graph.Members;

public sealed class GenderType : EnumerationGraphType<Gender>
{
    public GenderType() => Name = "Gender";
}

public sealed class MembershipLevelType : EnumerationGraphType<MembershipLevel>
{
    public MembershipLevelType()
    {
        Name = "MembershipLevel";
        Description = "Derived from creditPoints: 0-99 NORMAL, 100-499 SILVER, 500-999 GOLDEN, 1000 and more DIAMOND.";
    }
}

public sealed class RoleType : EnumerationGraphType<Role>
{
    public RoleType() => Name = "Role";
}
