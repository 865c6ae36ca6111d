using ETicket.Graph.Transport.Uploads;

namespace ETicket.Tests.Transport.Uploads;

/// <summary>A test-only mutation input with a file, as the real upload mutation's will have.</summary>
public sealed class EchoUploadInput
{
    public UploadedFile File { get; set; } = null!;
    public string? Note { get; set; }
}
