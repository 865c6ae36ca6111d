namespace ETicket.Search;

/// <summary>
/// The search backend could not answer (unreachable, overloaded after retries, index missing, or a
/// write it refused). The Graph layer reports it as an error; a backend never answers wrongly instead.
/// </summary>
public sealed class SearchUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
