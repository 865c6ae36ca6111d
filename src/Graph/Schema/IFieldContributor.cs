using GraphQL.Types;

namespace ETicket.Graph.Schema;

/// <summary>
/// A module's fields on a type it shares with other modules: the root types, and entities such as
/// Member that one module owns and another extends (federation's entity extension, done in-process).
/// Only the modules a role serves register their contributors, so each schema gets exactly its fields.
/// </summary>
public interface IFieldContributor<in TGraphType> where TGraphType : IComplexGraphType
{
    void AddFields(TGraphType type);
}
