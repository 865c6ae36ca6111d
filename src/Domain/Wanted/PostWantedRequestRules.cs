using ETicket.Domain.Common;

namespace ETicket.Domain.Wanted;

/// <summary>What a wanted request must satisfy before it is posted.</summary>
public static class PostWantedRequestRules
{
    public static IReadOnlyList<UserError> Check(NewWantedRequest details)
    {
        var errors = new List<UserError>();
        if (details.Keywords.Trim().Length is 0 or > WantedRequest.KeywordsMaxLength)
            errors.Add(UserError.Validation("keywords", $"Keywords have 1 to {WantedRequest.KeywordsMaxLength} characters."));
        if (details.City?.Trim().Length > WantedRequest.CityMaxLength)
            errors.Add(UserError.Validation("city", $"`city` has at most {WantedRequest.CityMaxLength} characters."));
        if (details.From is { } from && details.To is { } to && to < from)
            errors.Add(UserError.Validation("to", "`to` cannot be before `from`."));
        if (details.MaxPrice is <= 0)
            errors.Add(UserError.Validation("maxPrice", "`maxPrice` must be more than zero."));
        else if (details.MaxPrice is { } maxPrice && Money.Places(maxPrice) > 2)
            errors.Add(UserError.Validation("maxPrice", "`maxPrice` has at most two decimal places."));
        return errors;
    }
}
