using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using ETicket.Domain.DemoData;
using ETicket.Domain.Listings;
using ETicket.Domain.Marketplace;
using ETicket.Domain.Members;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Bench;

/// <summary>
/// Fills a migrated database with sellers and listings made by the domain's own factories
/// (<see cref="Member.JoinWithPhoneNumber"/>, <see cref="Listing.Publish"/>), then writes them with
/// <see cref="BulkInsert"/>: a few seconds for 100,000 rows instead of a minute through SaveChanges.
/// </summary>
public sealed class Seeder(ETicketDbContext db, BenchOptions options, TextWriter log)
{
    /// <summary>Where the spread is fixed: the same seed gives the same titles, cities and prices.</summary>
    private const int RandomSeed = 20261127;

    public async Task<SeedSummary> SeedIfNeededAsync(CancellationToken cancellationToken)
    {
        var summary = await SeedListingsIfNeededAsync(cancellationToken);
        // The tickets module's copies of its sellers' public profiles, which the platform makes at a
        // seller's first publish (the federated market page shows sellers from them).
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO SellerProfiles (MemberId, Nickname, AvatarUrl) SELECT Id, Nickname, AvatarUrl FROM Members " +
            "WHERE Id NOT IN (SELECT MemberId FROM SellerProfiles)", cancellationToken);
        return summary;
    }

    private async Task<SeedSummary> SeedListingsIfNeededAsync(CancellationToken cancellationToken)
    {
        var listings = await db.Listings.CountAsync(cancellationToken);
        var members = await db.Members.CountAsync(cancellationToken);
        if (listings == options.Listings && members == options.Sellers)
        {
            log.WriteLine($"    reusing {listings:N0} listings and {members:N0} sellers already in the database");
            return await SummarizeAsync(reused: true, TimeSpan.Zero, cancellationToken);
        }
        if (listings != 0 || members != 0)
            throw new InvalidOperationException(
                $"The bench database holds {listings:N0} listings and {members:N0} members, not {options.Listings:N0} and {options.Sellers:N0}: " +
                "delete it (bench/run.sh --fresh) and run again.");

        var watch = Stopwatch.StartNew();
        var random = new Random(RandomSeed);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var sellers = MakeSellers(random, now);
        await BulkInsert.InsertAsync(db, sellers, cancellationToken);
        var vault = new TicketCodeVault(RandomNumberGenerator.GetBytes(32));
        var batch = new List<Listing>(10_000);
        for (var i = 0; i < options.Listings; i++)
        {
            batch.Add(MakeListing(random, i, sellers[random.Next(sellers.Count)].Id, vault, now));
            if (batch.Count == batch.Capacity)
            {
                await BulkInsert.InsertAsync(db, batch, cancellationToken);
                batch.Clear();
            }
        }
        await BulkInsert.InsertAsync(db, batch, cancellationToken);
        // Fresh statistics, as a database that has been running a while would have.
        await db.Database.ExecuteSqlRawAsync(db is SqliteETicketDbContext ? "ANALYZE" : "ANALYZE TABLE Listings, Members", cancellationToken);
        log.WriteLine($"    seeded {options.Listings:N0} listings and {sellers.Count:N0} sellers in {watch.Elapsed.TotalSeconds:F1} s");
        return await SummarizeAsync(reused: false, watch.Elapsed, cancellationToken);
    }

    private async Task<SeedSummary> SummarizeAsync(bool reused, TimeSpan took, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var category = Market.Category;
        var city = Market.City;
        var byStatus = await db.Listings.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var marketRows = await db.Listings.CountAsync(l => l.Category == category && l.City == city && l.Status == ListingStatus.OnSale && l.ExpiresAt > now, cancellationToken);
        return new SeedSummary(
            reused,
            took,
            await db.Listings.CountAsync(cancellationToken),
            await db.Members.CountAsync(cancellationToken),
            byStatus.OrderBy(s => s.Key).Select(s => (s.Key.ToString(), s.Count)).ToList(),
            await db.Listings.CountAsync(l => l.Status == ListingStatus.OnSale && l.ExpiresAt <= now, cancellationToken),
            marketRows);
    }

    // Sellers -------------------------------------------------------------------------------------

    private static readonly string[] NicknameStarts = ["快乐的", "爱听歌的", "周末的", "安静的", "热情的", "追光的", "早起的", "小", "大", "阿"];
    private static readonly string[] NicknameEnds = ["猫", "鲸鱼", "小熊", "旅人", "票友", "歌迷", "影迷", "橘子", "兔子", "星星", "山风", "海盐"];

    private List<Member> MakeSellers(Random random, DateTimeOffset now)
    {
        var sellers = new List<Member>(options.Sellers);
        for (var i = 0; i < options.Sellers; i++)
        {
            var nickname = NicknameStarts[random.Next(NicknameStarts.Length)] + NicknameEnds[random.Next(NicknameEnds.Length)] + random.Next(100, 9999);
            sellers.Add(Member.JoinWithPhoneNumber($"139{i:D8}", nickname, now.AddDays(-random.Next(1, 700))));
        }
        return sellers;
    }

    // Listings ------------------------------------------------------------------------------------

    /// <summary>About 20 cities, weighted like a national resale market: 上海 and 北京 lead.</summary>
    private static readonly (string City, int Weight)[] Cities =
    [
        ("上海", 15), ("北京", 14), ("广州", 9), ("深圳", 9), ("成都", 6), ("杭州", 6), ("南京", 5), ("武汉", 5),
        ("重庆", 4), ("西安", 4), ("苏州", 3), ("天津", 3), ("长沙", 3), ("郑州", 3), ("青岛", 2), ("厦门", 2),
        ("昆明", 2), ("大连", 2), ("沈阳", 2), ("宁波", 1),
    ];

    private static readonly string[] Artists = ["周杰伦", "五月天", "陈奕迅", "林俊杰", "邓紫棋", "薛之谦", "张学友", "李荣浩", "孙燕姿", "华晨宇", "毛不易", "告五人"];
    private static readonly string[] Films = ["流浪地球3", "封神第二部", "哪吒之魔童闹海", "唐探1900", "热辣滚烫", "志愿军"];
    private static readonly string[] Shows = ["印象派大师展", "敦煌艺术展", "话剧《茶馆》", "音乐剧《猫》", "脱口秀专场", "相声大会"];
    private static readonly string[] Sights = ["迪士尼乐园", "环球影城", "欢乐谷", "海洋公园", "动物园", "科技馆"];
    private static readonly string[] Foods = ["海底捞", "星巴克", "喜茶", "必胜客", "肯德基", "瑞幸"];
    private static readonly string[] Streams = ["爱奇艺年卡", "腾讯视频月卡", "网易云音乐黑胶", "QQ音乐豪华绿钻", "B站大会员", "优酷VIP"];
    private static readonly string[] Descriptions =
    [
        "本人临时有事去不了，原价转让，可小刀。", "电子票，付款后即时发码。", "内场好位置，诚心出。", "两张连座，可拆卖。", "",
    ];

    private Listing MakeListing(Random random, int index, string sellerId, TicketCodeVault vault, DateTimeOffset now)
    {
        var category = (TicketCategory)random.Next(6);
        var city = Pick(random, Cities);
        var day = now.UtcDateTime.Date.AddDays(1 + random.Next(365));
        // Shows start at a handful of times, so many listings share a start time and the id breaks the tie.
        var startsAt = new DateTimeOffset(day.AddHours(random.Next(4) switch { 0 => 11, 1 => 11.5, 2 => 12, _ => 6 }), TimeSpan.Zero);
        DateTimeOffset? endsAt = null;
        string title, venue;
        switch (category)
        {
            case TicketCategory.Concert:
                title = $"{Artists[random.Next(Artists.Length)]}{city}演唱会 {startsAt:M月d日}";
                venue = city + "体育场";
                break;
            case TicketCategory.Film:
                title = $"{Films[random.Next(Films.Length)]} {startsAt:M月d日} IMAX";
                venue = city + "万达影城";
                break;
            case TicketCategory.Show:
                title = $"{Shows[random.Next(Shows.Length)]} {startsAt:M月d日}";
                venue = city + "大剧院";
                break;
            case TicketCategory.Admission:
                title = $"{city}{Sights[random.Next(Sights.Length)]}门票";
                venue = city + Sights[random.Next(Sights.Length)];
                if (random.Next(2) == 0)
                    endsAt = startsAt.AddDays(30);
                break;
            case TicketCategory.Food:
                title = $"{Foods[random.Next(Foods.Length)]} 代金券 {random.Next(5, 30) * 10}元";
                venue = Foods[random.Next(Foods.Length)];
                endsAt = startsAt.AddDays(random.Next(30, 180));
                break;
            default:
                title = Streams[random.Next(Streams.Length)];
                venue = "线上";
                endsAt = startsAt.AddDays(random.Next(30, 365));
                break;
        }
        var start = MarketPrices.StartOf(category, startsAt, random);
        var faceValue = MarketPrices.FaceValue(category, random);
        var price = MarketPrices.Price(faceValue, new MarketplaceOptions().PriceCap, random);
        var description = Descriptions[random.Next(Descriptions.Length)];
        var details = new NewListing(
            category, title, faceValue, price, TicketCode: $"BENCH-{index:D7}-{random.Next():X8}",
            Description: description.Length == 0 ? null : description,
            Country: "中国", City: city, Venue: venue, StartsAt: start, EndsAt: endsAt,
            Seat: category is TicketCategory.Concert or TicketCategory.Show or TicketCategory.Film ? $"{random.Next(1, 30)}排{random.Next(1, 40)}座" : null,
            ImageUrls: [.. Enumerable.Range(0, random.Next(0, 3)).Select(n => $"https://img.example.cn/listings/{index}/{n}.jpg")]);
        var listing = Listing.Publish(sellerId, details, vault, now.AddDays(-random.Next(0, 60)).AddMinutes(-random.Next(1440)));

        // A few percent have left the market, or are past their expiry before the sweep has run.
        var roll = random.Next(1000);
        if (roll < 20)
            listing.Withdraw();
        else if (roll < 40)
            SetState(listing, ListingStatus.Sold, activeCode: false);
        else if (roll < 50)
            SetState(listing, ListingStatus.Reserved, activeCode: true);
        else if (roll < 80)
        {
            // Started in the last few days: expired, recorded by the sweep or not yet.
            var past = now.AddDays(-random.Next(1, 5)).AddHours(-random.Next(12));
            Set(listing, nameof(Listing.StartsAt), (DateTimeOffset?)past);
            Set(listing, nameof(Listing.ExpiresAt), endsAt is null || ListingExpiry.ExpiresAtStart(category, endsAt) ? past : past.AddHours(1));
            if (endsAt is not null)
                Set(listing, nameof(Listing.EndsAt), (DateTimeOffset?)past.AddHours(1));
            if (roll < 65)
                listing.Expire(now);
        }
        return listing;
    }

    private static string Pick(Random random, (string Value, int Weight)[] weighted)
    {
        var total = weighted.Sum(w => w.Weight);
        var roll = random.Next(total);
        foreach (var (value, weight) in weighted)
        {
            if ((roll -= weight) < 0)
                return value;
        }
        return weighted[^1].Value;
    }

    // Sold and reserved go through orders (SQL updates) in the platform; the seed sets them directly.
    private static void SetState(Listing listing, ListingStatus status, bool activeCode)
    {
        Set(listing, nameof(Listing.Status), status);
        Set(listing, nameof(Listing.ActiveCodeHash), activeCode ? listing.TicketCodeHash : null);
    }

    private static void Set<T>(Listing listing, string property, T value) =>
        typeof(Listing).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(listing, value);
}

public sealed record SeedSummary(
    bool Reused,
    TimeSpan Took,
    int Listings,
    int Sellers,
    IReadOnlyList<(string Status, int Count)> ByStatus,
    int OnSalePastExpiry,
    int MarketRows);
