namespace ETicket.Graph.Pictures;

/// <summary>Where a picture is fetched, and until when (null: it is public and the address does not expire).</summary>
public sealed record PictureAddress(string Url, DateTimeOffset? ExpiresAt);
