using System.Text.Json;
using System.Text.Json.Serialization;

namespace ETicket.Domain.Events;

/// <summary>A business change others react to; written to the outbox in the change's own transaction.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ListingPublished), nameof(ListingPublished))]
[JsonDerivedType(typeof(ListingPriceChanged), nameof(ListingPriceChanged))]
[JsonDerivedType(typeof(ListingStatusChanged), nameof(ListingStatusChanged))]
[JsonDerivedType(typeof(OrderStatusChanged), nameof(OrderStatusChanged))]
[JsonDerivedType(typeof(WantedRequestMatched), nameof(WantedRequestMatched))]
[JsonDerivedType(typeof(SearchReindexRequested), nameof(SearchReindexRequested))]
[JsonDerivedType(typeof(MemberProfileChanged), nameof(MemberProfileChanged))]
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
