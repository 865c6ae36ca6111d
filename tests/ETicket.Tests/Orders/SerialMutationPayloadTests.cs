using System.Text.Json.Nodes;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Orders;

/// <summary>
/// Mutation fields run one after another (GraphQL spec, 6.2.2), and each payload is the state right
/// after its own mutation. An outside probe saw an earlier payload's <c>Listing.ticketCode</c> already
/// hidden by a refund in a later field of the same document: the code was worked out after every
/// mutation had run.
/// </summary>
public sealed class SerialMutationPayloadTests
{
    private const string AdminPhone = "13900000000";
    private const string Codes = "order { status ticketCode listing { status ticketCode } }";

    private static async Task<(PlatformServer Server, SignedInMember Seller, SignedInMember Admin, string ListingId)> StartAsync()
    {
        var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Members:Admins:0"] = AdminPhone });
        var seller = await server.SignInAsync("13800000001", "Seller");
        // The admin buys, so one token can dispute (as the buyer) and resolve (as an admin) in one document.
        var admin = await server.SignInAsync(AdminPhone, "Admin");
        var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(price: "100", faceValue: "100", ticketCode: "GATE-42"));
        return (server, seller, admin, listingId);
    }

    [Fact]
    public async Task Each_payload_shows_the_code_as_it_was_right_after_its_own_mutation()
    {
        var (server, _, admin, listingId) = await StartAsync();
        await using var _ = server;
        var orderId = await server.PurchasePaidAsync(admin, listingId);

        var data = (await server.PostAsync($$"""
            mutation($dispute: DisputeOrderInput!, $resolve: ResolveDisputeInput!) {
              disputed: disputeOrder(input: $dispute) { {{Codes}} }
              refunded: resolveDispute(input: $resolve) { {{Codes}} }
            }
            """,
            new
            {
                dispute = new { orderId, reason = "The gate rejected the code" },
                resolve = new { orderId, refundBuyer = true },
            },
            admin.AccessToken)).Ok();

        AssertCodes(data["disputed"]!["order"]!, "DISPUTED", "GATE-42", "RESERVED");
        AssertCodes(data["refunded"]!["order"]!, "REFUNDED", null, "WITHDRAWN");
    }

    [Fact]
    public async Task A_later_payload_is_not_answered_from_what_an_earlier_field_loaded()
    {
        var (server, seller, admin, listingId) = await StartAsync();
        await using var _ = server;
        var orderId = await server.PurchaseOkAsync(admin, listingId);
        var secondListingId = await server.PublishOkAsync(seller, ListingRequests.Concert(price: "100", faceValue: "100", ticketCode: "GATE-43"));

        // The first field learns which codes the buyer may see while their first order is unpaid; the second pays it.
        var data = (await server.PostAsync($$"""
            mutation($purchase: PurchaseListingInput!, $pay: PayOrderInput!) {
              bought: purchaseListing(input: $purchase) { {{Codes}} }
              paid: payOrder(input: $pay) { {{Codes}} }
            }
            """,
            new { purchase = new { listingId = secondListingId }, pay = new { orderId } },
            admin.AccessToken)).Ok();

        AssertCodes(data["bought"]!["order"]!, "PENDING_PAYMENT", null, "RESERVED");
        AssertCodes(data["paid"]!["order"]!, "PAID", "GATE-42", "RESERVED");
    }

    private static void AssertCodes(JsonNode order, string status, string? code, string listingStatus)
    {
        Assert.Equal(status, order["status"]!.GetValue<string>());
        Assert.Equal(code, order["ticketCode"]?.GetValue<string>());
        Assert.Equal(listingStatus, order["listing"]!["status"]!.GetValue<string>());
        Assert.Equal(code, order["listing"]!["ticketCode"]?.GetValue<string>());
    }
}
