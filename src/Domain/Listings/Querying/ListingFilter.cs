namespace ETicket.Domain.Listings.Querying;

/// <summary>A filter over listings: conditions combined with and / or, as the contract's ListingFilterInput.</summary>
public abstract record ListingFilter
{
    /// <summary>Every part holds (an empty list holds for every listing).</summary>
    public sealed record All(IReadOnlyList<ListingFilter> Parts) : ListingFilter;

    /// <summary>At least one part holds (an empty list holds for none).</summary>
    public sealed record Any(IReadOnlyList<ListingFilter> Parts) : ListingFilter;

    /// <param name="Value">
    /// The operand: a string, decimal, DateTimeOffset, TicketCategory or ListingStatus as the field
    /// says, a list of them for <see cref="FilterOperator.In"/>, or null (eq null: the field is empty).
    /// </param>
    public sealed record Condition(ListingField Field, FilterOperator Operator, object? Value) : ListingFilter;
}
