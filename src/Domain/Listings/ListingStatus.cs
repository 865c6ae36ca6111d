namespace ETicket.Domain.Listings;

public enum ListingStatus { OnSale, Reserved, Sold, Withdrawn, Expired }
