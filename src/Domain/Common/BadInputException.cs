namespace ETicket.Domain.Common;

/// <summary>A request that cannot be served as sent (bad paging, malformed cursor): BAD_USER_INPUT.</summary>
public sealed class BadInputException(string message) : Exception(message);
