using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ETicket.Search.Elasticsearch;

public static class ElasticsearchSearchRegistration
{
    /// <summary>
    /// Registers the Elasticsearch backend as the <see cref="IListingSearchIndex"/> when
    /// <c>ETicket:Search:Elasticsearch:Url</c> is set; false (nothing registered) when it is not.
    /// Settings that cannot work stop the start with every problem named.
    /// </summary>
    public static bool TryAddElasticsearchListingSearch(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[$"{ElasticsearchSearchOptions.Section}:{nameof(ElasticsearchSearchOptions.Url)}"]))
            return false;
        services.AddOptions<ElasticsearchSearchOptions>().BindConfiguration(ElasticsearchSearchOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ElasticsearchSearchOptions>, ElasticsearchSearchOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new ElasticsearchConnection(provider.GetRequiredService<IOptions<ElasticsearchSearchOptions>>().Value));
        services.AddSingleton(provider => new ElasticsearchListingIndex(
            provider.GetRequiredService<ElasticsearchConnection>(),
            provider.GetRequiredService<IOptions<ElasticsearchSearchOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ElasticsearchListingIndex>>()));
        services.AddSingleton<IListingSearchIndex>(provider => provider.GetRequiredService<ElasticsearchListingIndex>());
        return true;
    }
}
