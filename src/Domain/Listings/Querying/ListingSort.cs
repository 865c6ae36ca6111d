namespace ETicket.Domain.Listings.Querying;

/// <summary>One element of the contract's order list: one field, one direction.</summary>
public sealed record ListingSort(ListingField Field, bool Descending);
