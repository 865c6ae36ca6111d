namespace ETicket.Domain.Common;

/// <param name="Field">The input field at fault (e.g. "price"), or null when not about one field.</param>
public sealed record UserError(UserErrorCode Code, string Message, string? Field = null)
{
    public static UserError Validation(string field, string message) => new(UserErrorCode.ValidationFailed, message, field);
}
