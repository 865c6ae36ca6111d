using ETicket.Domain.Listings;
using static ETicket.Domain.DemoData.Catalog;

namespace ETicket.Domain.DemoData;

/// <summary>
/// Makes a market's listings with the domain's own factory (<see cref="Listing.Publish"/>), as
/// sellers would have published them at <paramref name="now"/> or up to 60 days before,
/// deterministically: the same seed and index give the same title, city, dates and price. Start
/// times spread over the year after <paramref name="now"/>, a few listings have left the market
/// (withdrawn), and vouchers and memberships often have no start time. Shared by the demo data
/// (<c>seed</c>) and the search benchmark.
/// </summary>
/// <param name="vault">Encrypts and fingerprints the ticket codes: the platform's own, for data the platform will read.</param>
/// <param name="priceCap">MarketplaceOptions.PriceCap: every price stays within it, as publishing demands.</param>
/// <param name="codePrefix">Starts every ticket code, so the codes of one generator never repeat another's.</param>
public sealed class ListingGenerator(int seed, TicketCodeVault vault, DateTimeOffset now, decimal priceCap, string codePrefix)
{
    private readonly Random random = new(seed);

    /// <summary>
    /// The listing number <paramref name="index"/> of the market. The first thirty cover every city
    /// and, five each, every category, so even a small market has them all.
    /// </summary>
    public Listing Make(int index, string sellerId)
    {
        var category = Pick(Categories);
        var city = Pick(Cities);
        if (index < Cities.Length)
            (category, city) = (Categories[index % Categories.Length].Category, Cities[index].City);
        var day = now.UtcDateTime.Date.AddDays(1 + random.Next(365));
        var startsAt = new DateTimeOffset(day.AddHours(random.Next(4) switch { 0 => 11, 1 => 11.5, 2 => 12, _ => 6 }), TimeSpan.Zero);
        DateTimeOffset? endsAt = null;
        string title, venue;
        string? seat = null;
        switch (category)
        {
            case TicketCategory.Concert:
                var performer = Popular(Performers);
                title = $"{performer}{Spacer(performer)}{Joined(city, Popular(ConcertKinds))} {startsAt:M月d日}";
                venue = Joined(city, Popular(Stadiums));
                seat = $"{random.Next(1, 30)}排{random.Next(1, 40)}座";
                break;
            case TicketCategory.Film:
                title = $"{Popular(Films)} {startsAt:M月d日} IMAX";
                venue = Joined(city, Popular(Cinemas));
                seat = $"{random.Next(1, 15)}排{random.Next(1, 25)}座";
                break;
            case TicketCategory.Show:
                title = $"{Popular(Shows)} {city}站 {startsAt:M月d日}";
                venue = Joined(city, Popular(Theatres));
                break;
            case TicketCategory.Admission:
                var attraction = Popular(Attractions);
                venue = Joined(city, attraction);
                title = $"{venue}{Spacer(attraction)}门票 单日票";
                if (random.Next(2) == 0)
                    endsAt = startsAt.AddDays(30);
                break;
            case TicketCategory.Food:
                var brand = Popular(FoodBrands);
                title = $"{brand} {Popular(FoodKinds)} {random.Next(5, 30) * 10}元";
                venue = brand;
                endsAt = startsAt.AddDays(random.Next(30, 180));
                break;
            default:
                title = $"{Popular(Streaming)} {Popular(StreamingTerms)}";
                venue = "线上";
                endsAt = startsAt.AddDays(random.Next(30, 365));
                break;
        }
        var start = MarketPrices.StartOf(category, startsAt, random);
        var faceValue = MarketPrices.FaceValue(category, random);
        var price = MarketPrices.Price(faceValue, priceCap, random);
        var description = Descriptions[random.Next(Descriptions.Length)];
        var details = new NewListing(
            category, title, faceValue, price, TicketCode: $"{codePrefix}-{index:D7}-{random.Next():X8}",
            Description: description.Length == 0 ? null : description,
            Country: "中国", City: city, Venue: venue, StartsAt: start, EndsAt: endsAt, Seat: seat, ImageUrls: []);
        var publishedAt = now.AddDays(-random.Next(0, 60)).AddMinutes(-random.Next(1440));
        // The rules the platform checks before publishing: a listing breaking one is a bug here, not data.
        if (PublishListingRules.Check(details, publishedAt, priceCap) is [var broken, ..])
            throw new InvalidOperationException($"The generated listing \"{title}\" breaks a publishing rule: {broken.Message}");
        var listing = Listing.Publish(sellerId, details, vault, publishedAt);
        // A few have left the market: the index holds them, and searches must not find them.
        if (random.Next(100) < 3)
            listing.Withdraw();
        return listing;
    }

    /// <summary>Latin names are followed by a space, so "Coldplay上海" stays two words for every analyzer.</summary>
    private static string Spacer(string name) => char.IsAscii(name[^1]) ? " " : "";

    /// <summary>"上海大剧院", "上海 Blue Note": a Latin name stands apart from the city.</summary>
    private static string Joined(string city, string name) => char.IsAscii(name[0]) ? $"{city} {name}" : city + name;

    /// <summary>Skewed towards the start of the list: the first names are the popular ones.</summary>
    private string Popular(string[] names) => names[(int)(names.Length * Math.Pow(random.NextDouble(), 2))];

    private T Pick<T>((T Value, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted)
        {
            if ((roll -= weight) < 0)
                return value;
        }
        return weighted[^1].Value;
    }
}
