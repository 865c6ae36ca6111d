namespace ETicket.Domain.Common;

/// <summary>Expected business failures, reported in a mutation payload's <c>errors</c> list.</summary>
public enum UserErrorCode
{
    ValidationFailed,
    NotFound,
    NotAllowed,
    Blacklisted,
    ListingNotAvailable,
    PriceAboveCap,
    DuplicateTicketCode,
    InvalidState,
    PurchaseLimitReached,
    IdempotencyKeyReused,
    WeChatSignInFailed,
    InvalidRefreshToken,
    /// <summary>The payment provider refused or did not answer; nothing changed, the step can be tried again.</summary>
    PaymentFailed,
}
