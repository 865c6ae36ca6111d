namespace ETicket.Domain.Pictures.Services;

/// <summary>A publish's checked pictures, and the ticket code the listing takes (typed, or read from them).</summary>
public sealed record PicturesForListing(IReadOnlyList<TicketPicture> Pictures, string TicketCode);
