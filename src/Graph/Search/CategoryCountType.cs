using ETicket.Domain.Listings;
using ETicket.Graph.Listings;

namespace ETicket.Graph.Search;

public sealed class CategoryCountType() : FacetCountType<TicketCategory, TicketCategoryType>("CategoryCount", "category");
