using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Infrastructure;

/// <summary>Many listings at once, straight through the domain model (publishing a thousand through the API would be slow).</summary>
public static class ListingSeeds
{
    public static async Task<List<string>> SeedAsync(this PlatformServer server, string sellerId, int count, Func<int, NewListing> details)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
        var vault = scope.ServiceProvider.GetRequiredService<TicketCodeVault>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().Now();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var listing = Listing.Publish(sellerId, details(i), vault, now);
            db.Listings.Add(listing);
            ids.Add(listing.Id);
        }
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return ids;
    }

    /// <summary>A valid concert, a year ahead, with the given variations.</summary>
    public static NewListing Concert(string title, decimal price, string? city = "上海", DateTimeOffset? startsAt = null, string? code = null) =>
        new(TicketCategory.Concert, title, FaceValue: price, Price: price, TicketCode: code ?? Guid.NewGuid().ToString("N"),
            City: city, Venue: "Arena", StartsAt: startsAt ?? DateTimeOffset.UtcNow.AddDays(365));

    /// <summary>A valid food voucher: it has no start time (a null to sort).</summary>
    public static NewListing Voucher(string title, decimal price, string? city = "上海") =>
        new(TicketCategory.Food, title, FaceValue: price, Price: price, TicketCode: Guid.NewGuid().ToString("N"),
            City: city, EndsAt: DateTimeOffset.UtcNow.AddDays(30));
}
