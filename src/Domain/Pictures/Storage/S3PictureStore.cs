using System.Net;
using System.Runtime.InteropServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ETicket.Domain.Pictures.Storage;

/// <summary>
/// Pictures as objects in an S3-compatible bucket (<see cref="S3StorageOptions"/>), each under
/// <see cref="S3StorageOptions.KeyPrefix"/> + its key. Requests are plain signed PUT, GET and DELETE
/// with the whole body in one piece, which every S3-compatible server understands.
/// </summary>
public sealed class S3PictureStore : IPictureStore, IDisposable
{
    private const string Section = S3StorageOptions.Section;

    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _keyPrefix;
    private readonly string _service;
    private readonly bool _defaultCredentials;

    public S3PictureStore(S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _bucket = options.Bucket;
        _keyPrefix = options.KeyPrefix ?? "";
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // SDK v4 otherwise signs a CRC32 of every upload into x-amz-checksum-* headers (or an
            // aws-chunked trailer), which older self-hosted servers refuse; none of our calls needs one.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
            _service = $"AWS S3 ({options.Region})";
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
            _service = options.ServiceUrl;
        }
        // Without keys, the SDK's default chain: environment, profile, web identity, instance or task role.
        _defaultCredentials = string.IsNullOrEmpty(options.AccessKey);
        _client = _defaultCredentials
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = ObjectKey(key),
            InputStream = AsStream(content),
            ContentType = contentType,
            // One body whose SHA-256 is signed, not aws-chunked signed pieces: servers that do not
            // decode those (s3rver, some gateways) would store the chunk framing as the picture.
            UseChunkEncoding = false,
        };
        await CallAsync("store", () => _client.PutObjectAsync(request, cancellationToken), cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var objectKey = ObjectKey(key);
        return await CallAsync<Stream?>("read", async () =>
        {
            try
            {
                var response = await _client.GetObjectAsync(_bucket, objectKey, cancellationToken);
                // Disposing the stream releases the connection.
                return response.ResponseStream;
            }
            // Not NoSuchBucket, also a 404: a missing bucket is a failure, not a missing picture.
            catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchKey" || (ex.StatusCode == HttpStatusCode.NotFound && string.IsNullOrEmpty(ex.ErrorCode)))
            {
                return null;
            }
        }, cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var objectKey = ObjectKey(key);
        // S3 answers 204 for a key that is not there, as for one that was.
        await CallAsync("delete", () => _client.DeleteObjectAsync(_bucket, objectKey, cancellationToken), cancellationToken);
    }

    public void Dispose() => _client.Dispose();

    private string ObjectKey(string key)
    {
        PictureKey.ThrowIfInvalid(key);
        return _keyPrefix + key;
    }

    // The SDK's own failures (after its retries) become PictureStoreExceptions; the caller's cancellation stays one.
    private async Task<TResponse> CallAsync<TResponse>(string operation, Func<Task<TResponse>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (AmazonServiceException ex)
        {
            throw Failure(operation, ex);
        }
        catch (AmazonClientException ex)
        {
            throw ClientFailure(operation, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Unreachable(operation, ex);
        }
    }

    // The messages name settings, the bucket and the service's address, never a key's value.
    private PictureStoreException Failure(string operation, AmazonServiceException ex) => ex.ErrorCode switch
    {
        "NoSuchBucket" => new(
            $"Could not {operation} a picture: the bucket '{_bucket}' does not exist at {_service} (see {Section}:Bucket).", ex),
        "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "InvalidToken" or "ExpiredToken" or "InvalidClientTokenId" => new(
            $"Could not {operation} a picture: {_service} refused the credentials ({ex.ErrorCode}); check {Section}:AccessKey and {Section}:SecretKey.", ex),
        "AccessDenied" => new(
            $"Could not {operation} a picture: {_service} denied access to the bucket '{_bucket}' (AccessDenied); the credentials are wrong or may not {operation} objects there.", ex),
        _ => new(
            $"Could not {operation} a picture in the bucket '{_bucket}' at {_service}: {ex.ErrorCode ?? "no error code"} (HTTP {(int)ex.StatusCode}).", ex),
    };

    private PictureStoreException Unreachable(string operation, Exception ex) =>
        new($"Could not {operation} a picture: {_service} could not be reached or did not answer in time ({ex.GetType().Name}); see the inner exception.", ex);

    // Before the request (credentials, configuration) or after it (an answer it could not read).
    private PictureStoreException ClientFailure(string operation, AmazonClientException ex) =>
        new($"Could not {operation} a picture at {_service}: the S3 client failed ({ex.GetType().Name})"
            + (_defaultCredentials ? $"; without {Section}:AccessKey and {Section}:SecretKey it takes credentials from the AWS SDK's default chain (environment, profile, instance role)" : "")
            + "; see the inner exception.", ex);

    private static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
}
