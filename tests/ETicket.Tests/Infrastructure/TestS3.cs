using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ETicket.Domain.Pictures.Storage;

namespace ETicket.Tests.Infrastructure;

/// <summary>
/// The S3-compatible server scripts/test.sh starts (s3rver, <c>ETICKET_TEST_S3_URL</c>), or any other
/// one the variables name. Tests skip when there is none, and fail instead when the run requires its
/// services (<c>ETICKET_TEST_REQUIRE_SERVICES=1</c>).
/// </summary>
public static class TestS3
{
    public const string UrlVariable = "ETICKET_TEST_S3_URL";
    public const string AccessKeyVariable = "ETICKET_TEST_S3_ACCESS_KEY";
    public const string SecretKeyVariable = "ETICKET_TEST_S3_SECRET_KEY";

    /// <summary>The bucket the tests share; each test class keeps to its own key prefix in it.</summary>
    public const string Bucket = "eticket-test";

    // s3rver's one account, when the variables name no other.
    private const string S3rverKey = "S3RVER";

    private static readonly SemaphoreSlim BucketMade = new(1, 1);
    private static bool _bucketExists;

    /// <summary>Settings for the test server's bucket under a fresh key prefix; skips the test when there is no server, unless the run requires one.</summary>
    public static S3StorageOptions OptionsOrSkip()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            const string reason = $"S3 tests need {UrlVariable} (http://host:port of an S3-compatible server); ./scripts/test.sh starts s3rver and sets it.";
            if (Environment.GetEnvironmentVariable(TestServices.RequireVariable) == "1")
                throw new InvalidOperationException(reason);
            Assert.Skip(reason);
        }
        return new S3StorageOptions
        {
            ServiceUrl = url,
            Bucket = Bucket,
            KeyPrefix = $"test-{Guid.NewGuid():N}/",
            AccessKey = Environment.GetEnvironmentVariable(AccessKeyVariable) is { Length: > 0 } accessKey ? accessKey : S3rverKey,
            SecretKey = Environment.GetEnvironmentVariable(SecretKeyVariable) is { Length: > 0 } secretKey ? secretKey : S3rverKey,
        };
    }

    /// <summary>Creates the shared bucket once per run, if the server does not have it yet.</summary>
    public static async Task EnsureBucketAsync(S3StorageOptions options)
    {
        await BucketMade.WaitAsync();
        try
        {
            if (_bucketExists)
                return;
            using var client = ClientFor(options);
            try
            {
                await client.PutBucketAsync(new PutBucketRequest { BucketName = options.Bucket });
            }
            catch (AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
            {
            }
            _bucketExists = true;
        }
        finally
        {
            BucketMade.Release();
        }
    }

    /// <summary>A plain client of the server, to look at what a store wrote (metadata, exact object keys).</summary>
    public static AmazonS3Client ClientFor(S3StorageOptions options) => new(
        new BasicAWSCredentials(options.AccessKey, options.SecretKey),
        new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            AuthenticationRegion = options.Region,
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
}
