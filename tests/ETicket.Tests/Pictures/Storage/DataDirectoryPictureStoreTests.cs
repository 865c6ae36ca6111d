using ETicket.Domain.Pictures.Storage;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Pictures.Storage;

public sealed class DataDirectoryPictureStoreTests : PictureStoreContractTests, IDisposable
{
    private readonly TestDataDirectory _dataDirectory = new();

    protected override Task<IPictureStore> CreateStoreAsync() => Task.FromResult<IPictureStore>(Store());

    [Fact]
    public async Task Pictures_are_files_two_folders_down_under_pictures()
    {
        var store = Store();
        var key = PictureKeys.New();

        await store.PutAsync(key, RandomBytes(10), Jpeg, Cancellation);

        var file = Assert.Single(Directory.GetFiles(_dataDirectory.Path, "*", SearchOption.AllDirectories));
        var relative = Path.GetRelativePath(_dataDirectory.Path, file).Split(Path.DirectorySeparatorChar);
        Assert.Equal(DataDirectoryPictureStore.FolderName, relative[0]);
        Assert.Matches("^[0-9a-f]{2}$", relative[1]);
        Assert.Matches("^[0-9a-f]{2}$", relative[2]);
        Assert.Equal(key, relative[3]);
    }

    [Fact]
    public async Task Keys_with_the_same_first_characters_spread_over_folders()
    {
        var store = Store();
        var prefix = PictureKeys.New("")[..10];

        for (var i = 0; i < 64; i++)
            await store.PutAsync($"{prefix}{i:D16}.jpg", RandomBytes(1), Jpeg, Cancellation);

        var folders = Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories).Select(Path.GetDirectoryName).Distinct().Count();
        Assert.True(folders > 32, $"64 keys landed in {folders} folders");
    }

    [Fact]
    public async Task Concurrent_puts_and_reads_of_one_key_never_see_part_of_a_picture()
    {
        var store = Store();
        var key = PictureKeys.New();
        // Each version is one byte repeated: a reader that saw a mix, or a short file, would notice.
        const int Size = 256 * 1024;
        var versions = Enumerable.Range(1, 8).Select(value => Enumerable.Repeat((byte)value, Size).ToArray()).ToArray();
        await store.PutAsync(key, versions[0], Jpeg, Cancellation);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var writers = versions.Select(version => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
                await store.PutAsync(key, version, Jpeg, Cancellation);
        })).ToArray();
        var reads = 0;
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var picture = await ReadAsync(store, key);
                Assert.Equal(Size, picture.Length);
                Assert.All(picture, value => Assert.Equal(picture[0], value));
                Interlocked.Increment(ref reads);
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(reads > 0);
        Assert.Contains(await ReadAsync(store, key), versions);
        Assert.Single(Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_cancelled_put_leaves_neither_the_picture_nor_a_temporary_file()
    {
        var store = Store();
        var key = PictureKeys.New();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PutAsync(key, RandomBytes(100), Jpeg, new CancellationToken(canceled: true)));

        Assert.Null(await store.OpenReadAsync(key, Cancellation));
        Assert.Empty(Directory.GetFiles(_dataDirectory.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_picture_being_read_can_be_replaced_and_deleted()
    {
        var store = Store();
        var key = PictureKeys.New();
        var original = RandomBytes(100_000);
        await store.PutAsync(key, original, Jpeg, Cancellation);
        await using var reading = await store.OpenReadAsync(key, Cancellation);

        await store.PutAsync(key, RandomBytes(10), Jpeg, Cancellation);
        await store.DeleteAsync(key, Cancellation);

        Assert.NotNull(reading);
        using var copy = new MemoryStream();
        await reading.CopyToAsync(copy, Cancellation);
        Assert.Equal(original, copy.ToArray());
        Assert.Null(await store.OpenReadAsync(key, Cancellation));
    }

    [Theory, MemberData(nameof(PictureKeys.Invalid), MemberType = typeof(PictureKeys))]
    public async Task A_refused_key_touches_no_file(string key)
    {
        var store = Store();

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, RandomBytes(10), Jpeg, Cancellation));

        Assert.Empty(Directory.GetFileSystemEntries(_dataDirectory.Path));
    }

    [Fact]
    public void A_relative_data_directory_starts_at_the_working_directory()
    {
        var store = new DataDirectoryPictureStore("data");

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data", "pictures"), store.Root);
    }

    public void Dispose() => _dataDirectory.Dispose();

    private DataDirectoryPictureStore Store() => new(_dataDirectory.Path);
}
