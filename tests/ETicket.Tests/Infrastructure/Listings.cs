using System.Globalization;
using System.Text.Json.Nodes;
using ETicket.Domain.Listings;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Infrastructure;

public static class ListingRequests
{
    public const string Publish = """
        mutation($input: PublishListingInput!) {
          publishListing(input: $input) {
            listing { id title category price faceValue status city startsAt publishedAt ticketCode imageUrls seller { id } }
            errors { code message field }
          }
        }
        """;

    public const string ChangePrice = """
        mutation($input: ChangeListingPriceInput!) {
          changeListingPrice(input: $input) { listing { id price status } errors { code message field } }
        }
        """;

    public const string Withdraw = """
        mutation($input: WithdrawListingInput!) {
          withdrawListing(input: $input) { listing { id price status } errors { code message field } }
        }
        """;

    /// <summary>
    /// A concert <paramref name="startsAt"/> (default: 90 days from now, as a listing needs a future
    /// start) with everything a concert needs.
    /// </summary>
    public static object Concert(string title = "周杰伦上海演唱会", string ticketCode = "CODE", string price = "880", string faceValue = "880",
        string? startsAt = null) => new
    {
        category = "CONCERT",
        title,
        faceValue,
        price,
        ticketCode,
        city = "上海",
        venue = "梅赛德斯奔驰文化中心",
        startsAt = startsAt ?? FromNow(TimeSpan.FromDays(90)),
    };

    /// <summary>A time relative to the real clock, as the API writes it.</summary>
    public static string FromNow(TimeSpan offset) =>
        DateTimeOffset.UtcNow.Add(offset).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Publishes and returns the payload (listing and errors).</summary>
    public static async Task<JsonNode> PublishAsync(this PlatformServer server, SignedInMember seller, object input) =>
        (await server.PostAsync(Publish, new { input }, seller.AccessToken)).Ok()["publishListing"]!;

    /// <summary>Publishes and returns the new listing's id, asserting success.</summary>
    public static async Task<string> PublishOkAsync(this PlatformServer server, SignedInMember seller, object input)
    {
        var payload = await server.PublishAsync(seller, input);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["listing"]!["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> ChangePriceAsync(this PlatformServer server, SignedInMember seller, string listingId, string price) =>
        (await server.PostAsync(ChangePrice, new { input = new { listingId, price } }, seller.AccessToken)).Ok()["changeListingPrice"]!;

    public static async Task<JsonNode> WithdrawAsync(this PlatformServer server, SignedInMember seller, string listingId) =>
        (await server.PostAsync(Withdraw, new { input = new { listingId } }, seller.AccessToken)).Ok()["withdrawListing"]!;

    /// <summary>The listing as stored, to see what is recorded rather than what reads compute.</summary>
    public static async Task<Listing> StoredListingAsync(this PlatformServer server, string listingId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ETicketDbContext>().Listings.AsNoTracking()
            .SingleAsync(l => l.Id == listingId, TestContext.Current.CancellationToken);
    }

    /// <summary>The one error of a failed payload.</summary>
    public static JsonNode SingleError(JsonNode payload) => Assert.Single(payload["errors"]!.AsArray())!;
}
