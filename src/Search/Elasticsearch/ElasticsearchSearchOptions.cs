namespace ETicket.Search.Elasticsearch;

/// <summary>
/// Bound from <c>ETicket:Search:Elasticsearch</c>. The backend is used when <see cref="Url"/> is set.
/// Credentials: an API key, or a user name with its password, or none (a cluster without security).
/// </summary>
public sealed class ElasticsearchSearchOptions
{
    public const string Section = "ETicket:Search:Elasticsearch";

    /// <summary>The cluster's address, e.g. https://search.example:9200.</summary>
    public string? Url { get; set; }

    /// <summary>The encoded API key (as Elasticsearch shows it when creating the key).</summary>
    public string? ApiKey { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>SHA-256 fingerprint of the cluster's CA certificate, to trust a self-signed cluster over https.</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>The alias searches and writes go through; the indices behind it are named after it.</summary>
    public string Alias { get; set; } = "eticket-listings";

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Tries after the first for 429, 502, 503, 504 and timeouts, with a growing pause.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>Every problem with these settings, each a sentence naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            problems.Add($"{Section}:Url must be an absolute http or https address.");
        if (!string.IsNullOrEmpty(ApiKey) && (!string.IsNullOrEmpty(Username) || !string.IsNullOrEmpty(Password)))
            problems.Add($"{Section}: set either ApiKey or Username and Password, not both.");
        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
            problems.Add($"{Section}: Username and Password go together.");
        if (!string.IsNullOrEmpty(CertificateFingerprint) && url?.Scheme == Uri.UriSchemeHttp)
            problems.Add($"{Section}:CertificateFingerprint needs an https Url.");
        if (!string.IsNullOrEmpty(CertificateFingerprint)
            && !System.Text.RegularExpressions.Regex.IsMatch(CertificateFingerprint, "^([0-9A-Fa-f]{2}:?){32}$"))
            problems.Add($"{Section}:CertificateFingerprint must be a SHA-256 fingerprint (64 hex digits, colons allowed).");
        if (string.IsNullOrWhiteSpace(Alias) || Alias != Alias.ToLowerInvariant() || Alias.Any(c => "\\/*?\"<>| ,#:".Contains(c)))
            problems.Add($"{Section}:Alias must be a lower-case Elasticsearch index name.");
        if (RequestTimeout <= TimeSpan.Zero)
            problems.Add($"{Section}:RequestTimeout must be positive.");
        if (Retries is < 0 or > 5)
            problems.Add($"{Section}:Retries must be between 0 and 5.");
        return problems;
    }
}
