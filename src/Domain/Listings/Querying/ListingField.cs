namespace ETicket.Domain.Listings.Querying;

/// <summary>The listing fields a client filters and sorts by.</summary>
public enum ListingField { Category, Status, City, Title, Price, StartsAt, PublishedAt }
