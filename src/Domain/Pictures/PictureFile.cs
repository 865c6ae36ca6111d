namespace ETicket.Domain.Pictures;

/// <summary>Encoded picture bytes and their media type.</summary>
public sealed record PictureFile(ReadOnlyMemory<byte> Content, string ContentType);
