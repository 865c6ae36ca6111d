using ETicket.Domain.Persistence.QueryEngine;
using System.Linq.Expressions;

namespace ETicket.Domain.Listings;

/// <summary>
/// Filters listings by the status they have now, in SQL: the twin of <see cref="Listing.StatusAt"/>.
/// An ON_SALE listing past its expiry is EXPIRED before the sweep records it, so every status filter
/// goes through here.
/// </summary>
public static class EffectiveListingStatus
{
    private static readonly ParameterExpression Row = Expression.Parameter(typeof(Listing), "l");
    private static readonly Expression Status = Expression.Property(Row, nameof(Listing.Status));
    private static readonly Expression ExpiresAt = Expression.Property(Row, nameof(Listing.ExpiresAt));

    public static Expression<Func<Listing, bool>> Is(ListingStatus status, DateTimeOffset now) =>
        Is(status, ExpressionParts.Parameterized(now, typeof(DateTimeOffset)));

    /// <summary>Whether the filter for <paramref name="status"/> compares with the time (ON_SALE and EXPIRED do).</summary>
    public static bool DependsOnTime(ListingStatus status) => status is ListingStatus.OnSale or ListingStatus.Expired;

    /// <param name="now">The time as the query reads it (a SQL parameter).</param>
    public static Expression<Func<Listing, bool>> Is(ListingStatus status, Expression now) => Expression.Lambda<Func<Listing, bool>>(status switch
    {
        // status = 'OnSale' AND expiresAt > @now
        ListingStatus.OnSale => Expression.AndAlso(StatusIs(ListingStatus.OnSale), Expression.GreaterThan(ExpiresAt, now)),
        // status = 'Expired' OR (status = 'OnSale' AND expiresAt <= @now)
        ListingStatus.Expired => Expression.OrElse(
            StatusIs(ListingStatus.Expired),
            Expression.AndAlso(StatusIs(ListingStatus.OnSale), Expression.LessThanOrEqual(ExpiresAt, now))),
        _ => StatusIs(status),
    }, Row);

    private static BinaryExpression StatusIs(ListingStatus status) => Expression.Equal(Status, Expression.Constant(status));
}
