namespace ETicket.Domain.Common;

/// <summary>The outcome of a business operation: a value, or the errors that prevented it.</summary>
public sealed class Outcome<T> where T : class
{
    private Outcome(T? value, IReadOnlyList<UserError> errors) => (Value, Errors) = (value, errors);

    public T? Value { get; }
    public IReadOnlyList<UserError> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    public static Outcome<T> Success(T value) => new(value, []);
    public static Outcome<T> Failure(IReadOnlyList<UserError> errors) =>
        errors.Count > 0 ? new(null, errors) : throw new ArgumentException("A failure needs at least one error.", nameof(errors));
    public static Outcome<T> Failure(UserError error) => new(null, [error]);

    public static implicit operator Outcome<T>(T value) => Success(value);
    public static implicit operator Outcome<T>(UserError error) => Failure(error);
}
