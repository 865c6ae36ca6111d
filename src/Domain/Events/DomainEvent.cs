using System.Text.Json;
using System.Text.Json.Serialization;
using ETicket.Domain.Listings;
using ETicket.Domain.Orders;

namespace ETicket.Domain.Events;

/// <summary>A business change others react to; written to the outbox in the change's own transaction.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ListingPublished), nameof(ListingPublished))]
[JsonDerivedType(typeof(ListingPriceChanged), nameof(ListingPriceChanged))]
[JsonDerivedType(typeof(ListingStatusChanged), nameof(ListingStatusChanged))]
[JsonDerivedType(typeof(OrderStatusChanged), nameof(OrderStatusChanged))]
[JsonDerivedType(typeof(WantedRequestMatched), nameof(WantedRequestMatched))]
[JsonDerivedType(typeof(SearchReindexRequested), nameof(SearchReindexRequested))]
public abstract record DomainEvent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string TypeName => GetType().Name;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DomainEvent? FromJson(string json) => JsonSerializer.Deserialize<DomainEvent>(json, Json);
}

public sealed record ListingPublished(string ListingId, string SellerId, TicketCategory Category, string? City) : DomainEvent;

public sealed record ListingPriceChanged(string ListingId, string SellerId, decimal Price) : DomainEvent;

/// <summary>Reserved, sold, withdrawn, expired, or on sale again.</summary>
public sealed record ListingStatusChanged(string ListingId, string SellerId, ListingStatus Status) : DomainEvent;

public sealed record OrderStatusChanged(string OrderId, string ListingId, string BuyerId, string SellerId, OrderStatus Status) : DomainEvent;

/// <summary>A newly published listing matches an open wanted request (求购).</summary>
public sealed record WantedRequestMatched(string WantedRequestId, string MemberId, string ListingId) : DomainEvent;

/// <summary>
/// An operator asked for fresh search indexes (`search reindex`). Through the outbox it reaches every
/// process that keeps one, running or started later; each rebuilds beside its live index.
/// </summary>
public sealed record SearchReindexRequested : DomainEvent;
