using ETicket.Domain.Common;

namespace ETicket.Graph.Common;

/// <summary>What every mutation returns: its result, or the business errors that prevented it.</summary>
public sealed record Payload<T>(T? Result, IReadOnlyList<UserError> Errors) where T : class
{
    public static Payload<T> From(Outcome<T> outcome) => new(outcome.Value, outcome.Errors);
}
