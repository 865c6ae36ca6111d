using ETicket.Search;
using ETicket.Search.Elasticsearch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ETicket.Tests.Search.Elasticsearch;

public sealed class ElasticsearchSearchOptionsTests
{
    [Fact]
    public void Without_a_url_nothing_is_registered_and_the_embedded_backend_stays()
    {
        var services = new ServiceCollection();

        Assert.False(services.TryAddElasticsearchListingSearch(new ConfigurationBuilder().Build()));
        Assert.Empty(services);
    }

    [Fact]
    public void The_settings_bind_from_the_section_and_the_backend_is_the_search_index()
    {
        var configuration = Configuration(new()
        {
            ["ETicket:Search:Elasticsearch:Url"] = "https://search.example:9200",
            ["ETicket:Search:Elasticsearch:Username"] = "eticket",
            ["ETicket:Search:Elasticsearch:Password"] = "secret",
            ["ETicket:Search:Elasticsearch:CertificateFingerprint"] = "A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90",
            ["ETicket:Search:Elasticsearch:Alias"] = "eticket-listings-staging",
            ["ETicket:Search:Elasticsearch:RequestTimeout"] = "00:00:05",
        });
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);

        Assert.True(services.TryAddElasticsearchListingSearch(configuration));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ElasticsearchSearchOptions>>().Value;
        Assert.Equal(("eticket", "eticket-listings-staging", TimeSpan.FromSeconds(5)), (options.Username, options.Alias, options.RequestTimeout));
        Assert.IsType<ElasticsearchListingIndex>(provider.GetRequiredService<IListingSearchIndex>());
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_with_every_problem_named()
    {
        var configuration = Configuration(new()
        {
            ["ETicket:Search:Elasticsearch:Url"] = "search.example:9200",
            ["ETicket:Search:Elasticsearch:ApiKey"] = "key",
            ["ETicket:Search:Elasticsearch:Username"] = "eticket",
            ["ETicket:Search:Elasticsearch:CertificateFingerprint"] = "not-a-fingerprint",
            ["ETicket:Search:Elasticsearch:Alias"] = "Listings",
        });
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.TryAddElasticsearchListingSearch(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ElasticsearchSearchOptions>>().Value);

        Assert.Equal(5, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains(":Url must be an absolute http or https address"));
        Assert.Contains(error.Failures, f => f.Contains("either ApiKey or Username and Password"));
        Assert.Contains(error.Failures, f => f.Contains("Username and Password go together"));
        Assert.Contains(error.Failures, f => f.Contains("CertificateFingerprint must be a SHA-256 fingerprint"));
        Assert.Contains(error.Failures, f => f.Contains(":Alias must be a lower-case"));
    }

    [Fact]
    public void A_fingerprint_over_plain_http_is_refused()
    {
        var options = new ElasticsearchSearchOptions
        {
            Url = "http://search.example:9200",
            CertificateFingerprint = new string('a', 64),
        };

        Assert.Equal(["ETicket:Search:Elasticsearch:CertificateFingerprint needs an https Url."], options.Problems());
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
