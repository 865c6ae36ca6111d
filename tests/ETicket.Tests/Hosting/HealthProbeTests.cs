using ETicket.Graph.Hosting;

namespace ETicket.Tests.Hosting;

/// <summary>The container's health check asks the platform's own address, whatever port it was given.</summary>
public sealed class HealthProbeTests
{
    [Theory]
    [InlineData("/readyz", "http://+:8080", "http://127.0.0.1:8080/readyz")]
    [InlineData("/readyz", "http://*:5101;http://localhost:5102", "http://127.0.0.1:5101/readyz")]
    [InlineData("/healthz", "http://0.0.0.0:9000", "http://127.0.0.1:9000/healthz")]
    [InlineData("/healthz", "http://[::]:9000", "http://127.0.0.1:9000/healthz")]
    [InlineData("/readyz", "http://127.0.0.1:5102", "http://127.0.0.1:5102/readyz")]
    [InlineData("/readyz", null, "http://localhost:5080/readyz")]
    [InlineData("http://127.0.0.1:7000/readyz", "http://+:8080", "http://127.0.0.1:7000/readyz")]
    public void A_path_is_asked_of_the_first_listening_address(string target, string? urls, string expected) =>
        Assert.Equal(new Uri(expected), HealthProbe.Address(target, urls));

    [Theory]
    [InlineData("readyz")]
    [InlineData("ftp://127.0.0.1/readyz")]
    public void Anything_else_is_refused(string target) => Assert.Null(HealthProbe.Address(target, "http://+:8080"));

    [Fact]
    public async Task It_fails_when_nothing_answers()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Assert.Equal(1, await HealthProbe.RunAsync($"http://127.0.0.1:{port}/readyz"));
    }
}
