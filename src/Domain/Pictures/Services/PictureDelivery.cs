namespace ETicket.Domain.Pictures.Services;

/// <summary>A picture's bytes to send; <paramref name="IsPublic"/> says whether shared caches may keep them.</summary>
public sealed record PictureDelivery(Stream Content, string ContentType, bool IsPublic);
