namespace ETicket.Domain.Pictures;

/// <summary>The stored picture, or its thumbnail.</summary>
public enum PictureVariant { Image, Thumbnail }
