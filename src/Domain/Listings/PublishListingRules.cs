using ETicket.Domain.Common;

namespace ETicket.Domain.Listings;

/// <summary>What a listing must satisfy before it is published.</summary>
public static class PublishListingRules
{
    public const int TitleMinLength = 2;
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 2000;
    public const int ShortTextMaxLength = 100;
    public const int TicketCodeMaxLength = 500;
    public const int MaxImages = 9;

    /// <param name="now">Dates the listing expires at must be after it.</param>
    /// <param name="priceCap">How far above the face value the price may go (0.20 is 20%).</param>
    public static IReadOnlyList<UserError> Check(NewListing details, DateTimeOffset now, decimal priceCap)
    {
        var errors = new List<UserError>();
        var title = details.Title.Trim();
        if (title.Length is < TitleMinLength or > TitleMaxLength)
            errors.Add(UserError.Validation("title", $"A title has {TitleMinLength} to {TitleMaxLength} characters."));
        if (details.Description?.Trim().Length > DescriptionMaxLength)
            errors.Add(UserError.Validation("description", $"A description has at most {DescriptionMaxLength} characters."));
        foreach (var (field, text) in new[] { ("country", details.Country), ("city", details.City), ("venue", details.Venue), ("seat", details.Seat) })
        {
            if (text?.Trim().Length > ShortTextMaxLength)
                errors.Add(UserError.Validation(field, $"`{field}` has at most {ShortTextMaxLength} characters."));
        }
        CheckPlace(errors, details);
        CheckDates(errors, details, now);
        CheckMoney(errors, details, priceCap);

        var code = TicketCodeVault.Normalize(details.TicketCode);
        if (code.Length == 0)
            errors.Add(UserError.Validation("ticketCode", "The ticket code is required: type it, or publish with a picture in which its QR code or barcode can be read."));
        else if (code.Length > TicketCodeMaxLength)
            errors.Add(UserError.Validation("ticketCode", $"A ticket code has at most {TicketCodeMaxLength} characters."));

        var images = details.ImageUrls ?? [];
        if (images.Count > MaxImages)
            errors.Add(UserError.Validation("imageUrls", $"A listing has at most {MaxImages} images."));
        if (images.Any(url => !WebUrls.IsValid(url)))
            errors.Add(UserError.Validation("imageUrls", "Image URLs are http(s) addresses."));
        return errors;
    }

    /// <summary>Events (FILM, CONCERT, SHOW) happen in a city at a venue; an ADMISSION ticket is for a venue.</summary>
    private static void CheckPlace(List<UserError> errors, NewListing details)
    {
        var category = ContractNames.Of(details.Category);
        var isEvent = details.Category is TicketCategory.Film or TicketCategory.Concert or TicketCategory.Show;
        if (isEvent && Texts.Clean(details.City) is null)
            errors.Add(UserError.Validation("city", $"A {category} ticket needs the city."));
        if ((isEvent || details.Category == TicketCategory.Admission) && Texts.Clean(details.Venue) is null)
            errors.Add(UserError.Validation("venue", $"A {category} ticket needs the venue."));
    }

    /// <summary>The date the listing expires at (see <see cref="ListingExpiry"/>) is required and in the future.</summary>
    private static void CheckDates(List<UserError> errors, NewListing details, DateTimeOffset now)
    {
        if (details.StartsAt is { } starts && details.EndsAt is { } ends && ends < starts)
            errors.Add(UserError.Validation("endsAt", "`endsAt` cannot be before `startsAt`."));

        var field = ListingExpiry.ExpiresAtStart(details.Category, details.EndsAt) ? "startsAt" : "endsAt";
        var expiresAt = ListingExpiry.For(details.Category, details.StartsAt, details.EndsAt);
        if (expiresAt is null)
        {
            errors.Add(UserError.Validation(field, details.Category == TicketCategory.Admission
                ? "An ADMISSION ticket needs `startsAt` or `endsAt`."
                : $"A {ContractNames.Of(details.Category)} ticket needs `{field}`."));
        }
        else if (expiresAt <= now)
        {
            errors.Add(UserError.Validation(field, $"`{field}` must be in the future: the listing leaves the market at that time."));
        }
    }

    private static void CheckMoney(List<UserError> errors, NewListing details, decimal priceCap)
    {
        var faceValueError = ListingPrices.CheckAmount("faceValue", details.FaceValue);
        var priceError = ListingPrices.CheckAmount("price", details.Price);
        errors.AddRange(new[] { faceValueError, priceError }.OfType<UserError>());
        if (faceValueError is null && priceError is null && ListingPrices.CheckCap(details.Price, details.FaceValue, priceCap) is { } aboveCap)
            errors.Add(aboveCap);
    }
}
