using System.Text.Json;
using System.Text.Json.Serialization;
using ETicket.Domain.Listings;

namespace ETicket.Domain.Events;

/// <summary>A business change others react to; written to the outbox in the change's own transaction.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ListingPublished), nameof(ListingPublished))]
[JsonDerivedType(typeof(ListingWithdrawn), nameof(ListingWithdrawn))]
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

public sealed record ListingWithdrawn(string ListingId, string SellerId) : DomainEvent;
