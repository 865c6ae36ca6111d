namespace ETicket.Tests.Transport;

public static class TransportAssert
{
    /// <summary>A refused request: the status, a JSON body of top-level errors only, and the contract's code.</summary>
    public static void Refused(RawAnswer answer, int status, string code)
    {
        Assert.True(answer.Status == status, $"Expected {status}, got {answer.Status}: {answer.Text}");
        Assert.NotNull(answer.Body);
        Assert.Null(answer.Body["data"]);
        Assert.Equal(code, answer.FirstErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(answer.FirstErrorMessage));
        NoInternals(answer);
    }

    /// <summary>Answered in the given media type, in UTF-8.</summary>
    public static void MediaType(RawAnswer answer, string mediaType)
    {
        Assert.Equal(mediaType, answer.ContentType?.MediaType);
        Assert.Equal("utf-8", answer.ContentType?.CharSet, ignoreCase: true);
    }

    /// <summary>No stack trace, exception type or framework detail reaches the client.</summary>
    public static void NoInternals(RawAnswer answer)
    {
        foreach (var leak in new[] { "   at ", "Exception", "stacktrace", "ETicket.", "Microsoft.", "System." })
            Assert.DoesNotContain(leak, answer.Text, StringComparison.OrdinalIgnoreCase);
    }
}
