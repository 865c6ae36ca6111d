using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Querying;

/// <summary>The contract's ListingFilterInput, operator by operator, on both providers.</summary>
public sealed class ListingFilterTests
{
    private static async Task<(PlatformServer Server, ITestDatabase Database)> StartAsync(DatabaseKind kind)
    {
        var database = await EveryDatabase.CreateAsync(kind);
        var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        await server.SeedAsync(seller.Id, 1, _ => ListingSeeds.Concert("周杰伦 上海演唱会 VIP", 1280m, "上海", DateTimeOffset.UtcNow.AddDays(10)));
        await server.SeedAsync(seller.Id, 1, _ => ListingSeeds.Concert("Jay Chou Beijing", 880m, "北京", DateTimeOffset.UtcNow.AddDays(20)));
        await server.SeedAsync(seller.Id, 1, _ => ListingSeeds.Concert("100% Mayday 广州", 480.5m, "广州", DateTimeOffset.UtcNow.AddDays(30)));
        await server.SeedAsync(seller.Id, 1, _ => ListingSeeds.Voucher("KFC 套餐券", 35m, city: null));
        await server.SeedAsync(seller.Id, 1, _ => ListingSeeds.Voucher("Starbucks_voucher", 45m, "上海"));
        return (server, database);
    }

    private static async Task<List<string>> TitlesAsync(PlatformServer server, string where)
    {
        var page = (await server.PostAsync($"{{ listings(first: 100, where: {where}, order: [{{ title: ASC }}]) {{ totalCount nodes {{ title }} }} }}")).Ok()["listings"]!;
        var titles = page["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(titles.Count, page["totalCount"]!.GetValue<int>());
        return titles;
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Every_operator_filters_in_the_database(DatabaseKind kind)
    {
        var (server, database) = await StartAsync(kind);
        await using var _ = server;
        await using var __ = database;

        Assert.Equal(["Starbucks_voucher", "周杰伦 上海演唱会 VIP"], (await TitlesAsync(server, "{ city: { eq: \"上海\" } }")).Order(StringComparer.Ordinal));
        Assert.Equal(["KFC 套餐券"], await TitlesAsync(server, "{ city: { eq: null } }"));
        Assert.Equal(4, (await TitlesAsync(server, "{ city: { neq: null } }")).Count);
        Assert.Equal(3, (await TitlesAsync(server, "{ city: { neq: \"上海\" } }")).Count); // the empty city counts as different
        Assert.Equal(2, (await TitlesAsync(server, "{ city: { in: [\"北京\", \"广州\"] } }")).Count);
        Assert.Equal(["Jay Chou Beijing"], await TitlesAsync(server, "{ title: { contains: \"jay\" } }")); // ignores case
        Assert.Equal(["周杰伦 上海演唱会 VIP"], await TitlesAsync(server, "{ title: { contains: \"演唱会\" } }"));
        Assert.Equal(["100% Mayday 广州"], await TitlesAsync(server, "{ title: { contains: \"100%\" } }")); // % is literal
        Assert.Equal(["Starbucks_voucher"], await TitlesAsync(server, "{ title: { contains: \"s_v\" } }")); // _ is literal
        Assert.Equal(["Jay Chou Beijing"], await TitlesAsync(server, "{ title: { startsWith: \"JAY\" } }"));
        Assert.Equal(["100% Mayday 广州", "Jay Chou Beijing"], await TitlesAsync(server, "{ price: { gt: \"45\", lt: \"1280\" } }"));
        Assert.Equal(2, (await TitlesAsync(server, "{ price: { gte: \"880\" } }")).Count);
        Assert.Equal(["Starbucks_voucher"], await TitlesAsync(server, "{ price: { eq: \"45.00\" } }"));
        Assert.Equal(4, (await TitlesAsync(server, "{ price: { neq: \"45\" } }")).Count);
        Assert.Equal(2, (await TitlesAsync(server, "{ price: { lte: \"45\" } }")).Count);
        Assert.Equal(2, (await TitlesAsync(server, "{ category: { eq: FOOD } }")).Count);
        Assert.Equal(5, (await TitlesAsync(server, "{ category: { in: [FOOD, CONCERT] } }")).Count);
        Assert.Equal(5, (await TitlesAsync(server, "{ status: { eq: ON_SALE } }")).Count);
        Assert.Empty(await TitlesAsync(server, "{ status: { in: [SOLD, EXPIRED] } }"));
        var inFifteenDays = ListingRequests.FromNow(TimeSpan.FromDays(15));
        Assert.Equal(["周杰伦 上海演唱会 VIP"], await TitlesAsync(server, $"{{ startsAt: {{ lt: \"{inFifteenDays}\" }} }}"));
        Assert.Equal(2, (await TitlesAsync(server, $"{{ startsAt: {{ gte: \"{inFifteenDays}\" }} }}")).Count); // vouchers have no start
        Assert.Equal(5, (await TitlesAsync(server, $"{{ publishedAt: {{ lte: \"{ListingRequests.FromNow(TimeSpan.FromMinutes(1))}\" }} }}")).Count);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task And_and_or_combine_filters(DatabaseKind kind)
    {
        var (server, database) = await StartAsync(kind);
        await using var _ = server;
        await using var __ = database;

        Assert.Equal(["Starbucks_voucher"],
            await TitlesAsync(server, "{ and: [{ city: { eq: \"上海\" } }, { category: { eq: FOOD } }] }"));
        Assert.Equal(["Jay Chou Beijing", "KFC 套餐券"],
            await TitlesAsync(server, "{ or: [{ city: { eq: \"北京\" } }, { city: { eq: null } }] }"));
        Assert.Equal(["Jay Chou Beijing"],
            await TitlesAsync(server, "{ category: { eq: CONCERT }, or: [{ price: { lt: \"500\" } }, { title: { startsWith: \"J\" } }], title: { contains: \"Beijing\" } }"));
        Assert.Empty(await TitlesAsync(server, "{ or: [] }"));
        Assert.Equal(5, (await TitlesAsync(server, "{ and: [] }")).Count);
    }

    [Fact]
    public async Task Status_means_the_status_as_of_now()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001");
        await server.SeedAsync(seller.Id, 1, _ => ListingSeeds.Concert("soon", 100m, startsAt: DateTimeOffset.UtcNow.AddSeconds(1)));
        await server.SeedAsync(seller.Id, 1, _ => ListingSeeds.Concert("later", 100m));
        await Task.Delay(TimeSpan.FromSeconds(1.2), TestContext.Current.CancellationToken);

        Assert.Equal(["later"], await TitlesAsync(server, "{ status: { eq: ON_SALE } }"));
        Assert.Equal(["soon"], await TitlesAsync(server, "{ status: { eq: EXPIRED } }"));
    }

    [Theory]
    [InlineData("{ city: { contains: null } }", "needs a value")]
    [InlineData("{ price: { gt: \"1.234\" } }", "")]
    [InlineData("{ startsAt: { gt: \"2027-01-01T00:00:00\" } }", "")]
    [InlineData("{ nonsense: { eq: 1 } }", "")]
    public async Task Malformed_filters_are_bad_user_input(string where, string message)
    {
        await using var server = await PlatformServer.StartAsync();
        var response = await server.PostAsync($"{{ listings(where: {where}) {{ totalCount }} }}");

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Contains(message, response.Errors![0]!["message"]!.GetValue<string>());
    }
}
