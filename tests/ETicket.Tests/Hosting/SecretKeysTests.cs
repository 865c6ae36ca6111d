using ETicket.Graph.Hosting;

namespace ETicket.Tests.Hosting;

public sealed class SecretKeysTests
{
    [Fact]
    public async Task Processes_starting_together_in_Development_agree_on_one_generated_key()
    {
        var data = Directory.CreateTempSubdirectory("eticket-keys-").FullName;
        try
        {
            for (var round = 0; round < 20; round++)
            {
                var fileName = $"race-{round}.key";
                using var start = new Barrier(8);
                var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
                {
                    start.SignalAndWait();
                    return Convert.ToBase64String(SecretKeys.Load(null, "ETicket:Test:Key", data, fileName, isDevelopment: true));
                })));

                Assert.Single(keys.Distinct());
                Assert.Equal(keys[0], File.ReadAllText(Path.Combine(data, "keys", fileName)));
            }

        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
