using ETicket.Domain.Members;
using GraphQL.Types;

namespace ETicket.Graph.Members;

public sealed class GenderType : EnumerationGraphType<Gender>
{
    public GenderType() => Name = "Gender";
}
