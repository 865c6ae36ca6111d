using ETicket.Domain.Common;

namespace ETicket.Tests.Domain;

public sealed class PagingTests
{
    [Theory]
    [InlineData(1, null, 1, null)]
    [InlineData(null, "a", null, "b")]
    [InlineData(1, null, null, "b")]
    [InlineData(null, "a", 1, null)]
    [InlineData(-1, null, null, null)]
    [InlineData(101, null, null, null)]
    [InlineData(null, null, 101, null)]
    public void Contradictory_or_oversized_requests_are_bad_input(int? first, string? after, int? last, string? before) =>
        Assert.Throws<BadInputException>(() => new PageRequest(first, after, last, before).Validated());

    [Fact]
    public void The_default_page_is_twenty_forward()
    {
        var request = new PageRequest().Validated();
        Assert.False(request.Backward);
        Assert.Equal(20, request.Size);
    }
}
