using System.Text.Json;
using System.Text.Json.Serialization;
using ETicket.Domain.Listings;
using ETicket.Domain.Orders;

namespace ETicket.Domain.Events;

/// <summary>A newly published listing matches an open wanted request (求购).</summary>
public sealed record WantedRequestMatched(string WantedRequestId, string MemberId, string ListingId) : DomainEvent;
