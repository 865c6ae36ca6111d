namespace ETicket.Domain.Listings;

/// <summary>
/// A listing's long and secret columns: the description and the encrypted ticket code. Same row as
/// the listing (table splitting), but EF Core reads them only when asked, so a market page of twenty
/// listings does not carry twenty descriptions and ciphertexts it will not show.
/// </summary>
public sealed class ListingText
{
    private ListingText() { }

    public string ListingId { get; private set; } = "";
    public string? Description { get; private set; }

    /// <summary>The ticket code, encrypted (AES-GCM, bound to the listing's id).</summary>
    public byte[] TicketCodeCipher { get; private set; } = [];

    internal static ListingText For(string listingId, string? description, byte[] ticketCodeCipher) =>
        new() { ListingId = listingId, Description = description, TicketCodeCipher = ticketCodeCipher };

    public string RevealTicketCode(TicketCodeVault vault) => vault.Decrypt(TicketCodeCipher, associatedId: ListingId);
}
