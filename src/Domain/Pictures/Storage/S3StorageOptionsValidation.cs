using Microsoft.Extensions.Options;

namespace ETicket.Domain.Pictures.Storage;

/// <summary>
/// Refuses to start with S3 settings that cannot work, each problem a sentence naming its setting.
/// Registered only where the pictures are stored in S3. A message never quotes the secret key.
/// </summary>
public sealed class S3StorageOptionsValidation : IValidateOptions<S3StorageOptions>
{
    private const string Section = S3StorageOptions.Section;

    public ValidateOptionsResult Validate(string? name, S3StorageOptions options) =>
        Problems(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;

    /// <summary>Every problem with these settings; empty when a bucket can be reached with them.</summary>
    public static IReadOnlyList<string> Problems(S3StorageOptions options)
    {
        var problems = new List<string>();
        var prefix = options.KeyPrefix ?? "";
        Check(problems, !string.IsNullOrWhiteSpace(options.Bucket),
            $"{Section}:Bucket is required when {PictureOptions.Section}:Storage is S3: the bucket the pictures are kept in.");
        Check(problems, string.IsNullOrWhiteSpace(options.ServiceUrl) || IsServiceUrl(options.ServiceUrl),
            $"{Section}:ServiceUrl must be an absolute http or https URL without credentials or a query (e.g. http://minio:9000), or empty for AWS by region.");
        Check(problems, !string.IsNullOrWhiteSpace(options.Region),
            $"{Section}:Region must name the region requests are signed for (e.g. us-east-1).");
        Check(problems, string.IsNullOrEmpty(options.AccessKey) == string.IsNullOrEmpty(options.SecretKey),
            $"{Section}:AccessKey and {Section}:SecretKey go together: give both, or neither to use the default AWS credentials (environment, profile, instance role).");
        Check(problems, !prefix.StartsWith('/') && !prefix.Any(char.IsControl),
            $"{Section}:KeyPrefix must not start with '/' or hold control characters (e.g. pictures/).");
        return problems;
    }

    private static void Check(List<string> problems, bool holds, string problem)
    {
        if (!holds)
            problems.Add(problem);
    }

    private static bool IsServiceUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(url.UserInfo) && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment);
}
