using ETicket.Domain.Pictures.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ETicket.Tests.Pictures.Storage;

/// <summary>S3 settings that cannot work stop the platform, each named with what it should be; the secret is never quoted.</summary>
public sealed class S3StorageOptionsTests
{
    private const string Section = S3StorageOptions.Section;
    private const string Secret = "s3-secret-9c4d1a7e";

    public static TheoryData<string, string?, string> Unusable => new()
    {
        { "Bucket", null, $"{Section}:Bucket is required when ETicket:Pictures:Storage is S3" },
        { "Bucket", " ", $"{Section}:Bucket is required" },
        { "ServiceUrl", "minio:9000", $"{Section}:ServiceUrl must be an absolute http or https URL" },
        { "ServiceUrl", "/s3", $"{Section}:ServiceUrl must be an absolute http or https URL" },
        { "ServiceUrl", "ftp://minio:9000", $"{Section}:ServiceUrl must be an absolute http or https URL" },
        { "ServiceUrl", "http://user:password@minio:9000", $"{Section}:ServiceUrl must be an absolute http or https URL without credentials" },
        { "ServiceUrl", "http://minio:9000/?x=1", $"{Section}:ServiceUrl must be an absolute http or https URL without credentials or a query" },
        { "Region", "", $"{Section}:Region must name the region" },
        { "AccessKey", null, $"{Section}:AccessKey and {Section}:SecretKey go together" },
        { "SecretKey", null, $"{Section}:AccessKey and {Section}:SecretKey go together" },
        { "KeyPrefix", "/pictures/", $"{Section}:KeyPrefix must not start with '/'" },
    };

    [Theory, MemberData(nameof(Unusable))]
    public void An_unusable_setting_is_named_and_stops_the_options(string setting, string? value, string problem)
    {
        var settings = Settings(new() { [$"{Section}:{setting}"] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => Options(settings));

        Assert.Contains(failure.Failures, message => message.StartsWith(problem, StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, failure.Message);
    }

    [Fact]
    public void Usable_settings_bind_and_hold()
    {
        var options = Options(Settings(new() { [$"{Section}:KeyPrefix"] = "pictures/", [$"{Section}:ForcePathStyle"] = "false" }));

        Assert.Empty(S3StorageOptionsValidation.Problems(options));
        Assert.Equal(("http://minio:9000", "pictures", "pictures/", false), (options.ServiceUrl, options.Bucket, options.KeyPrefix, options.ForcePathStyle));
    }

    [Fact]
    public void Without_keys_and_service_URL_AWS_is_reached_by_region_with_the_default_credentials()
    {
        var options = Options(new() { [$"{Section}:Bucket"] = "pictures", [$"{Section}:Region"] = "ap-east-1" });

        Assert.Empty(S3StorageOptionsValidation.Problems(options));
        using var store = new S3PictureStore(options);
    }

    [Fact]
    public async Task A_host_with_S3_pictures_does_not_start_on_unusable_settings()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Settings(new() { [$"{Section}:Bucket"] = null, [$"{Section}:AccessKey"] = null }));
        builder.Services.AddPictureStore(PictureStorageKind.S3, "data");
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, failure.Failures.Count());
        Assert.DoesNotContain(Secret, failure.Message);
    }

    [Fact]
    public void Each_kind_registers_its_store_as_one_singleton()
    {
        using var inData = Build(PictureStorageKind.DataDirectory, []);
        using var inS3 = Build(PictureStorageKind.S3, Settings());

        var files = Assert.IsType<DataDirectoryPictureStore>(inData.GetRequiredService<IPictureStore>());
        Assert.Same(files, inData.GetRequiredService<IPictureStore>());
        Assert.Equal(Path.Combine(Path.GetFullPath("some-data"), "pictures"), files.Root);
        Assert.Same(Assert.IsType<S3PictureStore>(inS3.GetRequiredService<IPictureStore>()), inS3.GetRequiredService<IPictureStore>());
    }

    [Fact]
    public void The_data_directory_reads_no_S3_setting()
    {
        using var services = Build(PictureStorageKind.DataDirectory, new() { [$"{Section}:ServiceUrl"] = "not a URL" });

        Assert.IsType<DataDirectoryPictureStore>(services.GetRequiredService<IPictureStore>());
        Assert.Empty(services.GetServices<IValidateOptions<S3StorageOptions>>());
    }

    private static Dictionary<string, string?> Settings(Dictionary<string, string?>? changes = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{Section}:ServiceUrl"] = "http://minio:9000",
            [$"{Section}:Bucket"] = "pictures",
            [$"{Section}:AccessKey"] = "minio-user",
            [$"{Section}:SecretKey"] = Secret,
        };
        foreach (var (key, value) in changes ?? [])
            settings[key] = value;
        return settings;
    }

    private static S3StorageOptions Options(Dictionary<string, string?> settings)
    {
        using var services = Build(PictureStorageKind.S3, settings);
        return services.GetRequiredService<IOptions<S3StorageOptions>>().Value;
    }

    private static ServiceProvider Build(PictureStorageKind kind, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddPictureStore(kind, "some-data");
        return services.BuildServiceProvider();
    }
}
