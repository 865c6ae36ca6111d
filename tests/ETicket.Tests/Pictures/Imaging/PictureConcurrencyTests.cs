using ETicket.Domain.Pictures;
using ETicket.Domain.Pictures.Imaging;
using Microsoft.Extensions.DependencyInjection;
using static ETicket.Tests.Pictures.Imaging.PictureProcessing;

namespace ETicket.Tests.Pictures.Imaging;

/// <summary>Decoding waits for a slot of <see cref="PictureOptions.MaxConcurrentProcessing"/>; waiting can be cancelled.</summary>
public sealed class PictureConcurrencyTests
{
    private static readonly byte[] Screenshot = TestPictures.QrScreenshot("ETK-GATE", width: 360, height: 780);

    [Fact]
    public async Task With_one_slot_a_second_picture_waits_until_the_first_is_done()
    {
        var gate = new PictureProcessingGate(1);
        var processor = Create(new PictureOptions(), gate);
        var first = await gate.EnterAsync(TestContext.Current.CancellationToken); // Stands for a picture being decoded.

        var second = processor.ProcessAsync(Screenshot, TestContext.Current.CancellationToken);

        Assert.False(second.IsCompleted);
        Assert.Equal(1, gate.Waiting);
        Assert.Equal(1, gate.InUse);
        first.Dispose();
        Assert.True((await second).Succeeded);
        Assert.Equal((0, 0), (gate.Waiting, gate.InUse));
    }

    [Fact]
    public async Task Waiting_is_cancelled_by_the_token_and_frees_nothing_it_did_not_take()
    {
        var gate = new PictureProcessingGate(1);
        var processor = Create(new PictureOptions(), gate);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var first = await gate.EnterAsync(TestContext.Current.CancellationToken);

        var waiting = processor.ProcessAsync(Screenshot, cancellation.Token);
        Assert.Equal(1, gate.Waiting);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal((0, 1), (gate.Waiting, gate.InUse));
    }

    [Fact]
    public async Task Pictures_beyond_the_limit_all_complete()
    {
        var gate = new PictureProcessingGate(1);
        var processor = Create(new PictureOptions(), gate);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => processor.ProcessAsync(Screenshot, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));

        Assert.All(outcomes, outcome => Assert.Equal("ETK-GATE", Assert.Single(outcome.Value!.Codes).Text));
        Assert.Equal((0, 0), (gate.Waiting, gate.InUse));
    }

    [Fact]
    public void The_gate_takes_MaxConcurrentProcessing_and_AddPictureImaging_makes_one_processor()
    {
        using var services = new ServiceCollection().AddPictureImaging()
            .Configure<PictureOptions>(options => options.MaxConcurrentProcessing = 3).BuildServiceProvider();

        var processor = services.GetRequiredService<PictureProcessor>();
        Assert.Same(processor, services.GetRequiredService<PictureProcessor>());
        Assert.Equal(3, processor.Gate.Capacity);
        Assert.Equal(1, new PictureProcessingGate(0).Capacity);
    }
}
