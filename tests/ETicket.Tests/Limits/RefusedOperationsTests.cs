using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Limits;

/// <summary>A refused operation runs no resolver: a mutation over a limit changes nothing.</summary>
public sealed class RefusedOperationsTests
{
    private const string Publish = "mutation($input: PublishListingInput!) { publishListing(input: $input) { listing { id } } }";

    [Fact]
    public Task A_mutation_over_the_complexity_budget_publishes_nothing() => AssertPublishesNothingAsync([], """
        mutation($input: PublishListingInput!) { publishListing(input: $input) { listing { seller { listings(first: 100) { nodes {
          seller { listings(first: 100) { nodes { seller { listings(first: 100) { nodes { title } } } } } } } } } } } }
        """);

    [Fact]
    public Task A_mutation_over_the_alias_limit_publishes_nothing() => AssertPublishesNothingAsync(
        LimitRequests.Settings(("MaxAliases", 1)),
        "mutation($input: PublishListingInput!) { a: publishListing(input: $input) { listing { id } } b: publishListing(input: $input) { listing { id } } }");

    [Fact]
    public Task A_mutation_longer_than_the_document_limit_publishes_nothing() => AssertPublishesNothingAsync(
        LimitRequests.Settings(("MaxDocumentLength", 1000)),
        Publish.PadRight(1001));

    private static async Task AssertPublishesNothingAsync(Dictionary<string, string?> settings, string mutation)
    {
        await using var server = await PlatformServer.StartAsync(settings);
        var seller = await server.SignInAsync("13800000001", "Seller");

        LimitAssert.Refused(await server.PostAsync(mutation, new { input = ListingRequests.Concert() }, seller.AccessToken));

        Assert.Equal(0, (await server.PostAsync("{ listings { totalCount } }")).Ok()["listings"]!["totalCount"]!.GetValue<int>());
        // The same mutation within the limits does publish: the refusal was the limit's.
        (await server.PostAsync(Publish, new { input = ListingRequests.Concert() }, seller.AccessToken)).Ok();
        Assert.Equal(1, (await server.PostAsync("{ listings { totalCount } }")).Ok()["listings"]!["totalCount"]!.GetValue<int>());
    }
}
