using ETicket.Domain.Members;
using GraphQL.Types;

namespace ETicket.Graph.Members;

public sealed class RoleType : EnumerationGraphType<Role>
{
    public RoleType() => Name = "Role";
}
