using ETicket.Graph.Common;

namespace ETicket.Tests.Common;

public sealed class BatchLoaderTests
{
    [Fact]
    public async Task A_failed_batch_fails_every_key_in_it_with_its_reason()
    {
        var loader = new FailingOnce();
        var first = loader.Load("a");
        var second = loader.Load("b");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => first.GetResultAsync(TestContext.Current.CancellationToken));
        // Not a null (which a non-null field reports as "Cannot return null"): the batch's own error.
        Assert.Same(thrown, await Assert.ThrowsAsync<InvalidOperationException>(() => second.GetResultAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(1, loader.Fetches);

        // A key asked for later goes in a batch of its own.
        Assert.Equal("c!", await loader.Load("c").GetResultAsync(TestContext.Current.CancellationToken));
    }

    private sealed class FailingOnce : BatchLoader<string, string>
    {
        public int Fetches { get; private set; }

        protected override Task<IReadOnlyDictionary<string, string>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
            ++Fetches == 1
                ? throw new InvalidOperationException("The database went away.")
                : Task.FromResult<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k, k => k + "!"));
    }
}
