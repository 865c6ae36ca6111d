using GraphQL.Types;

namespace ETicket.Graph.Schema;

public sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<IFieldContributor<MutationType>> contributors)
    {
        Name = "Mutation";
        this.Apply(contributors);
    }
}
