namespace ETicket.Domain.Common;

/// <summary>Anything with an opaque string identity: entities, and references to entities owned elsewhere.</summary>
public interface IEntity
{
    string Id { get; }
}
