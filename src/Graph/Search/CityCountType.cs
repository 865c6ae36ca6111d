using GraphQL.Types;

namespace ETicket.Graph.Search;

public sealed class CityCountType() : FacetCountType<string, StringGraphType>("CityCount", "city");
