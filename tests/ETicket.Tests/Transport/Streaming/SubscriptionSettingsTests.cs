using ETicket.Graph.Hosting;
using Microsoft.Extensions.Options;

namespace ETicket.Tests.Transport.Streaming;

/// <summary>ETicket:Subscriptions is checked when the platform is built: a value that cannot work names itself.</summary>
public sealed class SubscriptionSettingsTests
{
    [Theory]
    [InlineData("MaxQueuedMessages", "0", "must be at least 1")]
    [InlineData("MaxSubscriptionsPerConnection", "0", "must be at least 1")]
    [InlineData("MaxConnectionsPerMember", "-1", "must be at least 1")]
    [InlineData("MaxSubscriptionsPerProxyConnection", "0", "must be at least 1")]
    [InlineData("MaxQueuedMessagesPerProxyConnection", "0", "must be at least 1")]
    [InlineData("ConnectionInitTimeout", "00:00:00", "must be longer than zero")]
    [InlineData("KeepAliveInterval", "00:00:00", "must be longer than zero")]
    [InlineData("CloseTimeout", "-00:00:01", "must be longer than zero")]
    [InlineData("PingInterval", "-00:00:01", "cannot be negative")]
    public void A_setting_out_of_range_stops_the_start_and_names_the_setting(string setting, string value, string problem)
    {
        var data = Directory.CreateTempSubdirectory("eticket-subscriptions-").FullName;
        try
        {
            var error = Assert.Throws<OptionsValidationException>(() => PlatformHost.Build(
                ["--environment=Development", $"--ETicket:DataDirectory={data}", "--urls=http://127.0.0.1:0", $"--ETicket:Subscriptions:{setting}={value}"]));

            Assert.Contains($"ETicket:Subscriptions: {setting} {problem}", error.Message);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
