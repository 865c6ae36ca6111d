namespace ETicket.Graph.Transport;

/// <summary>Configuration section <c>ETicket:Transport</c>.</summary>
public sealed class TransportOptions
{
    public const string Section = "ETicket:Transport";

    /// <summary>
    /// The largest POST body accepted; larger ones get 413. GET is bounded by Kestrel's request line
    /// limit instead (8 KB by default), which answers 414 itself.
    /// </summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How many files one multipart request (file uploads, docs/http-api.md) may carry; more get 413.
    /// 0 refuses every file.
    /// </summary>
    public int MaxUploadFiles { get; set; } = 6;

    /// <summary>
    /// The largest file in a multipart request, in bytes: reading stops there with 413. A little over
    /// the pictures' own limit (ETicket:Pictures:MaxBytes, 5 MB), so a picture slightly too large
    /// still reaches the domain, whose message names the precise limit.
    /// </summary>
    public int MaxUploadFileBytes { get; set; } = 5 * 1024 * 1024 + 64 * 1024;

    /// <summary>
    /// The slowest a request body may arrive once <see cref="RequestBodyGracePeriod"/> has passed;
    /// slower gets 408. Kestrel's MinRequestBodyDataRate, which its own "Kestrel:Limits" section
    /// cannot set (the rate has no setters to bind); the defaults are Kestrel's.
    /// </summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <inheritdoc cref="MinRequestBodyBytesPerSecond"/>
    public TimeSpan RequestBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);
}
