using ETicket.Domain.Common;
using ETicket.Domain.Listings;

namespace ETicket.Domain.Wanted;

/// <summary>求购: a member asks for a ticket that is not on the market yet and is told when one is.</summary>
public sealed class WantedRequest : IEntity
{
    public const int KeywordsMaxLength = 100;

    /// <summary>As long as a listing's city, which it is compared with.</summary>
    public const int CityMaxLength = PublishListingRules.ShortTextMaxLength;

    private WantedRequest() { }

    public string Id { get; private set; } = "";
    public string MemberId { get; private set; } = "";
    public TicketCategory Category { get; private set; }

    /// <summary>Words separated by spaces; every one must be in a matching listing's title.</summary>
    public string Keywords { get; private set; } = "";

    public string? City { get; private set; }
    public DateTimeOffset? From { get; private set; }
    public DateTimeOffset? To { get; private set; }
    public decimal? MaxPrice { get; private set; }
    public bool Open { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public static WantedRequest Post(string memberId, NewWantedRequest details, DateTimeOffset now) => new()
    {
        Id = Ids.New(),
        MemberId = memberId,
        Category = details.Category,
        Keywords = details.Keywords.Trim(),
        City = Texts.Clean(details.City),
        From = details.From,
        To = details.To,
        MaxPrice = details.MaxPrice,
        Open = true,
        CreatedAt = now,
    };

    /// <summary>Only the member who posted a request closes it, once; a closed request matches nothing more.</summary>
    public UserError? CloseBy(string memberId, DateTimeOffset now)
    {
        if (MemberId != memberId)
            return new UserError(UserErrorCode.NotAllowed, "Only the member who posted a wanted request closes it.", "wantedRequestId");
        if (!Open)
            return new UserError(UserErrorCode.InvalidState, "This wanted request is already closed.", "wantedRequestId");
        Open = false;
        ClosedAt = now;
        return null;
    }
}
