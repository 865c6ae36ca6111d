namespace ETicket.Domain.Pictures.Storage;

/// <summary>Settings under <c>ETicket:Pictures:S3</c>: an S3-compatible bucket (AWS S3, MinIO, Ceph, COS, OSS...).</summary>
public sealed class S3StorageOptions
{
    public const string Section = PictureOptions.Section + ":S3";

    /// <summary>The service's address, e.g. https://s3.ap-east-1.amazonaws.com or http://minio:9000; empty for AWS by region.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The region the requests are signed for.</summary>
    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "";

    /// <summary>Prefix of every key, e.g. "pictures/".</summary>
    public string KeyPrefix { get; set; } = "";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Path-style addressing (http://host/bucket/key), which MinIO and most self-hosted servers need.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
