using ETicket.Graph.Transport;
using Microsoft.Extensions.Options;

namespace ETicket.Tests.Transport;

/// <summary>A member's place among the streaming connections is given back once, however often it is disposed.</summary>
public sealed class MemberConnectionsTests
{
    [Fact]
    public void A_place_disposed_twice_frees_one_place()
    {
        var members = new MemberConnections(Options.Create(new SubscriptionOptions { MaxConnectionsPerMember = 2 }));
        var first = members.TryOpen("m")!;
        Assert.NotNull(members.TryOpen("m"));
        Assert.Null(members.TryOpen("m"));

        first.Dispose();
        first.Dispose();

        Assert.NotNull(members.TryOpen("m"));
        Assert.Null(members.TryOpen("m"));
    }
}
