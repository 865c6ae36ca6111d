namespace ETicket.Search;

public sealed record FacetCount<TValue>(TValue Value, int Count);
