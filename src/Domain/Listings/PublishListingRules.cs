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

    public static IReadOnlyList<UserError> Check(PublishListing details)
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
        CheckMoney(errors, "faceValue", details.FaceValue);
        CheckMoney(errors, "price", details.Price);

        var code = TicketCodeVault.Normalize(details.TicketCode);
        if (code.Length == 0)
            errors.Add(UserError.Validation("ticketCode", "The ticket code is required."));
        else if (code.Length > TicketCodeMaxLength)
            errors.Add(UserError.Validation("ticketCode", $"A ticket code has at most {TicketCodeMaxLength} characters."));

        if (details.StartsAt is { } starts && details.EndsAt is { } ends && ends < starts)
            errors.Add(UserError.Validation("endsAt", "`endsAt` cannot be before `startsAt`."));

        var images = details.ImageUrls ?? [];
        if (images.Count > MaxImages)
            errors.Add(UserError.Validation("imageUrls", $"A listing has at most {MaxImages} images."));
        if (images.Any(url => !WebUrls.IsValid(url)))
            errors.Add(UserError.Validation("imageUrls", "Image URLs are http(s) addresses."));
        return errors;
    }

    private static void CheckMoney(List<UserError> errors, string field, decimal amount)
    {
        if (amount <= 0)
            errors.Add(UserError.Validation(field, $"`{field}` must be more than zero."));
        else if (Money.Places(amount) > 2)
            errors.Add(UserError.Validation(field, $"`{field}` has at most two decimal places."));
    }
}
