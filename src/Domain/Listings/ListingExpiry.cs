namespace ETicket.Domain.Listings;

/// <summary>When a listing leaves the market by itself.</summary>
public static class ListingExpiry
{
    /// <summary>
    /// Whether a listing expires at its start rather than its end of validity: FILM, CONCERT and SHOW
    /// at the start; FOOD and ENTERTAINMENT at the end of validity; ADMISSION at the end of validity,
    /// or at the start when it has no end.
    /// </summary>
    public static bool ExpiresAtStart(TicketCategory category, DateTimeOffset? endsAt) => category switch
    {
        TicketCategory.Film or TicketCategory.Concert or TicketCategory.Show => true,
        TicketCategory.Food or TicketCategory.Entertainment => false,
        TicketCategory.Admission => endsAt is null,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The moment the listing expires; null when the date the category needs is missing.</summary>
    public static DateTimeOffset? For(TicketCategory category, DateTimeOffset? startsAt, DateTimeOffset? endsAt) =>
        ExpiresAtStart(category, endsAt) ? startsAt : endsAt;
}
