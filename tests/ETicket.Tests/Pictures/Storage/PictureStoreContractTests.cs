using System.Security.Cryptography;
using ETicket.Domain.Pictures.Storage;

namespace ETicket.Tests.Pictures.Storage;

/// <summary>What every <see cref="IPictureStore"/> does; each store's test class runs these against a real one.</summary>
public abstract class PictureStoreContractTests
{
    protected const string Jpeg = "image/jpeg";

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>An empty store of the kind under test, cleaned up with the test class.</summary>
    protected abstract Task<IPictureStore> CreateStoreAsync();

    [Fact]
    public async Task A_put_picture_reads_back_byte_for_byte()
    {
        var store = await CreateStoreAsync();
        var key = PictureKeys.New();
        var picture = RandomBytes(10_000);

        await store.PutAsync(key, picture, Jpeg, Cancellation);

        Assert.Equal(picture, await ReadAsync(store, key));
    }

    [Fact]
    public async Task A_put_replaces_what_was_stored_under_the_key()
    {
        var store = await CreateStoreAsync();
        var key = PictureKeys.New("-thumb.jpg");
        await store.PutAsync(key, RandomBytes(5_000), Jpeg, Cancellation);
        var replacement = RandomBytes(300);

        await store.PutAsync(key, replacement, Jpeg, Cancellation);

        Assert.Equal(replacement, await ReadAsync(store, key));
    }

    [Fact]
    public async Task Keys_are_kept_apart()
    {
        var store = await CreateStoreAsync();
        var key = PictureKeys.New("");
        var (picture, thumbnail) = (RandomBytes(2_000), RandomBytes(200));

        await store.PutAsync(key + ".jpg", picture, Jpeg, Cancellation);
        await store.PutAsync(key + "-thumb.jpg", thumbnail, Jpeg, Cancellation);

        Assert.Equal(picture, await ReadAsync(store, key + ".jpg"));
        Assert.Equal(thumbnail, await ReadAsync(store, key + "-thumb.jpg"));
    }

    [Fact]
    public async Task An_empty_picture_is_stored_as_empty()
    {
        var store = await CreateStoreAsync();
        var key = PictureKeys.New();

        await store.PutAsync(key, ReadOnlyMemory<byte>.Empty, Jpeg, Cancellation);

        Assert.Empty(await ReadAsync(store, key));
    }

    [Fact]
    public async Task Nothing_stored_reads_as_null()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.OpenReadAsync(PictureKeys.New(), Cancellation));
    }

    [Fact]
    public async Task A_deleted_picture_reads_as_null()
    {
        var store = await CreateStoreAsync();
        var key = PictureKeys.New();
        await store.PutAsync(key, RandomBytes(1_000), Jpeg, Cancellation);

        await store.DeleteAsync(key, Cancellation);

        Assert.Null(await store.OpenReadAsync(key, Cancellation));
    }

    [Fact]
    public async Task Deleting_what_is_not_there_is_fine()
    {
        var store = await CreateStoreAsync();
        var key = PictureKeys.New();

        await store.DeleteAsync(key, Cancellation);
        await store.PutAsync(key, RandomBytes(10), Jpeg, Cancellation);
        await store.DeleteAsync(key, Cancellation);
        await store.DeleteAsync(key, Cancellation);

        Assert.Null(await store.OpenReadAsync(key, Cancellation));
    }

    [Fact]
    public async Task A_picture_of_5_MB_round_trips()
    {
        var store = await CreateStoreAsync();
        var key = PictureKeys.New();
        var picture = RandomBytes(5 * 1024 * 1024);

        await store.PutAsync(key, picture, Jpeg, Cancellation);

        Assert.Equal(SHA256.HashData(picture), SHA256.HashData(await ReadAsync(store, key)));
    }

    [Fact]
    public async Task A_picture_given_as_part_of_a_larger_buffer_is_stored_as_that_part()
    {
        var store = await CreateStoreAsync();
        var key = PictureKeys.New();
        var buffer = RandomBytes(1_000);

        await store.PutAsync(key, buffer.AsMemory(100, 500), Jpeg, Cancellation);

        Assert.Equal(buffer[100..600], await ReadAsync(store, key));
    }

    [Theory, MemberData(nameof(PictureKeys.Invalid), MemberType = typeof(PictureKeys))]
    public async Task A_key_that_is_not_a_platform_key_is_refused(string key)
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, RandomBytes(10), Jpeg, Cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(key, Cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key, Cancellation));
    }

    [Fact]
    public async Task The_longest_key_is_accepted()
    {
        var store = await CreateStoreAsync();
        var key = PictureKeys.New("-").PadRight(PictureKey.MaxLength - 4, 'x') + ".jpg";
        var picture = RandomBytes(100);

        await store.PutAsync(key, picture, Jpeg, Cancellation);

        Assert.Equal(PictureKey.MaxLength, key.Length);
        Assert.Equal(picture, await ReadAsync(store, key));
    }

    protected static byte[] RandomBytes(int count) => RandomNumberGenerator.GetBytes(count);

    protected static async Task<byte[]> ReadAsync(IPictureStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, Cancellation);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Cancellation);
        return copy.ToArray();
    }
}
