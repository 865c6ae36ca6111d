using Microsoft.Extensions.Options;

namespace ETicket.Search.Elasticsearch;

/// <summary>Refuses to start with settings that cannot work, instead of failing on the first search.</summary>
public sealed class ElasticsearchSearchOptionsValidation : IValidateOptions<ElasticsearchSearchOptions>
{
    public ValidateOptionsResult Validate(string? name, ElasticsearchSearchOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
