namespace ETicket.Domain.Pictures;

/// <summary>A code read from a picture: its text and symbology (QR_CODE, CODE_128...).</summary>
public sealed record ReadCode(string Text, string Format);
