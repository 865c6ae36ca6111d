using ETicket.Domain.Common;
using ETicket.Domain.Pictures;
using ETicket.Domain.Pictures.Imaging;
using Microsoft.Extensions.Options;

namespace ETicket.Tests.Pictures.Imaging;

/// <summary>Processors and assertions the picture tests share.</summary>
internal static class PictureProcessing
{
    /// <summary>One processor with the default settings, as the host has one.</summary>
    public static PictureProcessor Default { get; } = Create(new PictureOptions());

    public static PictureProcessor Create(PictureOptions options, PictureProcessingGate? gate = null) =>
        gate is null ? new PictureProcessor(Options.Create(options)) : new PictureProcessor(Options.Create(options), gate);

    public static async Task<ProcessedPicture> AcceptedAsync(byte[] file, PictureProcessor? processor = null)
    {
        var outcome = await (processor ?? Default).ProcessAsync(file, TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, outcome.Errors.FirstOrDefault()?.Message);
        return outcome.Value!;
    }

    /// <summary>The refusal's message, after checking it is one validation error on "file".</summary>
    public static async Task<string> RefusedAsync(byte[] file, PictureProcessor? processor = null)
    {
        var outcome = await (processor ?? Default).ProcessAsync(file, TestContext.Current.CancellationToken);
        Assert.False(outcome.Succeeded);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(UserErrorCode.ValidationFailed, error.Code);
        Assert.Equal("file", error.Field);
        return error.Message;
    }

    /// <summary>
    /// To the test's output, and where the test command collects artifacts (ETICKET_ARTIFACTS), to
    /// <c>picture-decode-rates.txt</c>, which scripts/test.sh prints after the .NET tests.
    /// </summary>
    public static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        if (Environment.GetEnvironmentVariable("ETICKET_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            lock (ReportLock)
                File.AppendAllText(Path.Combine(artifacts, ReportFile), line + Environment.NewLine);
        }
    }

    private const string ReportFile = "picture-decode-rates.txt";
    private static readonly Lock ReportLock = new();
}
