using Amazon.S3.Model;
using ETicket.Domain.Pictures.Storage;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Pictures.Storage;

/// <summary>The contract and S3's own failures, against the S3-compatible server of the run (s3rver under scripts/test.sh).</summary>
public sealed class S3PictureStoreTests : PictureStoreContractTests, IDisposable
{
    private const string WrongSecret = "wrong-secret-5f0c2e8b7d";

    private readonly List<IDisposable> _stores = [];

    protected override async Task<IPictureStore> CreateStoreAsync() => await StoreAsync();

    [Fact]
    public async Task The_object_is_under_the_key_prefix_with_the_content_type()
    {
        var options = TestS3.OptionsOrSkip();
        var store = await StoreAsync(options);
        var key = PictureKeys.New("-thumb.jpg");

        await store.PutAsync(key, RandomBytes(100), "image/webp", Cancellation);

        using var client = TestS3.ClientFor(options);
        var metadata = await client.GetObjectMetadataAsync(options.Bucket, options.KeyPrefix + key, Cancellation);
        Assert.Equal("image/webp", metadata.Headers.ContentType);
        Assert.Equal(100, metadata.ContentLength);
    }

    [Fact]
    public async Task A_store_without_a_key_prefix_uses_the_key_itself()
    {
        var options = TestS3.OptionsOrSkip();
        options.KeyPrefix = "";
        var store = await StoreAsync(options);
        var key = PictureKeys.New();
        await store.PutAsync(key, RandomBytes(10), Jpeg, Cancellation);

        using var client = TestS3.ClientFor(options);
        var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = options.Bucket, Prefix = key }, Cancellation);

        Assert.Equal(key, Assert.Single(listed.S3Objects).Key);
        await store.DeleteAsync(key, Cancellation);
    }

    [Fact]
    public async Task A_missing_bucket_is_named_in_the_failure()
    {
        var options = TestS3.OptionsOrSkip();
        options.Bucket = "eticket-missing-" + Guid.NewGuid().ToString("N")[..12];
        var store = Track(new S3PictureStore(options));
        var key = PictureKeys.New();

        var failures = new[]
        {
            await Assert.ThrowsAsync<PictureStoreException>(() => store.PutAsync(key, RandomBytes(10), Jpeg, Cancellation)),
            await Assert.ThrowsAsync<PictureStoreException>(() => store.OpenReadAsync(key, Cancellation)),
            await Assert.ThrowsAsync<PictureStoreException>(() => store.DeleteAsync(key, Cancellation)),
        };

        Assert.All(failures, failure => Assert.Contains($"the bucket '{options.Bucket}' does not exist at {options.ServiceUrl}", failure.Message));
        Assert.All(failures, failure => Assert.Contains("ETicket:Pictures:S3:Bucket", failure.Message));
    }

    [Fact]
    public async Task An_unknown_access_key_is_a_clear_failure_that_quotes_no_secret()
    {
        var options = TestS3.OptionsOrSkip();
        options.AccessKey = "UNKNOWNACCESSKEY";
        options.SecretKey = WrongSecret;
        var store = Track(new S3PictureStore(options));

        var failure = await Assert.ThrowsAsync<PictureStoreException>(() => store.PutAsync(PictureKeys.New(), RandomBytes(10), Jpeg, Cancellation));

        Assert.Contains("refused the credentials (InvalidAccessKeyId)", failure.Message);
        Assert.Contains("ETicket:Pictures:S3:SecretKey", failure.Message);
        AssertNoSecretIn(failure);
    }

    [Fact]
    public async Task A_wrong_secret_is_a_clear_failure_that_quotes_no_secret()
    {
        // s3rver does not check SigV4 signatures, so this server answers as S3 does to a wrong secret.
        await using var server = await RefusingS3Server.StartAsync();
        var store = Track(new S3PictureStore(new S3StorageOptions
        {
            ServiceUrl = server.Url.ToString(), Bucket = "pictures", AccessKey = "AKIAEXAMPLE", SecretKey = WrongSecret,
        }));

        var failures = new Exception[]
        {
            await Assert.ThrowsAsync<PictureStoreException>(() => store.PutAsync(PictureKeys.New(), RandomBytes(10), Jpeg, Cancellation)),
            await Assert.ThrowsAsync<PictureStoreException>(() => store.OpenReadAsync(PictureKeys.New(), Cancellation)),
            await Assert.ThrowsAsync<PictureStoreException>(() => store.DeleteAsync(PictureKeys.New(), Cancellation)),
        };

        Assert.All(failures, failure => Assert.Contains($"{server.Url} refused the credentials (SignatureDoesNotMatch); check ETicket:Pictures:S3:AccessKey and ETicket:Pictures:S3:SecretKey.", failure.Message));
        Assert.All(failures, AssertNoSecretIn);
        Assert.NotEmpty(server.Authorizations);
        Assert.All(server.Authorizations, authorization => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/", authorization));
    }

    [Fact]
    public async Task An_unreachable_service_is_named_in_the_failure()
    {
        var options = TestS3.OptionsOrSkip();
        options.ServiceUrl = "http://127.0.0.1:9/";
        var store = Track(new S3PictureStore(options));

        var failure = await Assert.ThrowsAsync<PictureStoreException>(() => store.OpenReadAsync(PictureKeys.New(), Cancellation));

        Assert.Contains("http://127.0.0.1:9/ could not be reached", failure.Message);
        AssertNoSecretIn(failure);
    }

    public void Dispose()
    {
        foreach (var store in _stores)
            store.Dispose();
    }

    private async Task<S3PictureStore> StoreAsync(S3StorageOptions? options = null)
    {
        options ??= TestS3.OptionsOrSkip();
        await TestS3.EnsureBucketAsync(options);
        return Track(new S3PictureStore(options));
    }

    private S3PictureStore Track(S3PictureStore store)
    {
        _stores.Add(store);
        return store;
    }

    // The whole chain, inner exceptions included: that is what a log of the failure would show.
    private static void AssertNoSecretIn(Exception failure) => Assert.DoesNotContain(WrongSecret, failure.ToString());
}
