namespace ETicket.Domain.Listings;

/// <summary>When a listing leaves the market by itself.</summary>
public static class ListingExpiry
{
    /// <summary>
    /// FILM, CONCERT and SHOW at the start; FOOD and ENTERTAINMENT at the end of validity;
    /// ADMISSION at the end of validity, or at the start when it has no end. Null when the date the
    /// category needs is missing.
    /// </summary>
    public static DateTimeOffset? For(TicketCategory category, DateTimeOffset? startsAt, DateTimeOffset? endsAt) => category switch
    {
        TicketCategory.Film or TicketCategory.Concert or TicketCategory.Show => startsAt,
        TicketCategory.Food or TicketCategory.Entertainment => endsAt,
        TicketCategory.Admission => endsAt ?? startsAt,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
