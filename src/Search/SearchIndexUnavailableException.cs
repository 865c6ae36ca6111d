namespace ETicket.Search;

/// <summary>
/// The index cannot answer or take writes yet: it is missing or unreadable and has not been rebuilt.
/// <see cref="IListingSearchIndex.InspectAsync"/> tells which; a rebuild ends it.
/// </summary>
public sealed class SearchIndexUnavailableException(string message) : Exception(message);
