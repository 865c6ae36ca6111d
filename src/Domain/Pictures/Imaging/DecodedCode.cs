namespace ETicket.Domain.Pictures.Imaging;

/// <summary>A QR code or barcode read from a picture.</summary>
/// <param name="Text">What the code says, exactly.</param>
/// <param name="Format">ZXing's name of the symbology: <c>QR_CODE</c>, <c>CODE_128</c>, <c>PDF_417</c>...</param>
public sealed record DecodedCode(string Text, string Format);
