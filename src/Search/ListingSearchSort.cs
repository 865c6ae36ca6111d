namespace ETicket.Search;

public enum ListingSearchSort { Relevance, StartsAtAsc, PriceAsc, PriceDesc, Newest }
