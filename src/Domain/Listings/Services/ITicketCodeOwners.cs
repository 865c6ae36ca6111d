namespace ETicket.Domain.Listings.Services;

/// <summary>Who owns a sold ticket code now; the orders module knows (listings do not depend on orders).</summary>
public interface ITicketCodeOwners
{
    /// <summary>The buyer of the code's latest completed sale, the only member who may sell it on; null when it never sold.</summary>
    Task<string?> LatestBuyerAsync(string codeHash, CancellationToken cancellationToken);
}
