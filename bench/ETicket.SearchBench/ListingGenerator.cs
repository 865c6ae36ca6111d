using ETicket.Bench;
using ETicket.Domain.Listings;
using static ETicket.SearchBench.Catalog;

namespace ETicket.SearchBench;

/// <summary>
/// Makes the benchmark's listings with the domain's own factory (<see cref="Listing.Publish"/>),
/// deterministically: the same seed and index give the same title, city, dates and price. Start
/// times spread over the next year, a few listings have left the market (withdrawn), and vouchers
/// and memberships often have no start time, as in the market page's data.
/// </summary>
public sealed class ListingGenerator(int seed, TicketCodeVault vault, DateTimeOffset now)
{
    private readonly Random random = new(seed);

    public Listing Make(int index, string sellerId)
    {
        var category = Pick(Categories);
        var city = Pick(Cities);
        var day = now.UtcDateTime.Date.AddDays(1 + random.Next(365));
        var startsAt = new DateTimeOffset(day.AddHours(random.Next(4) switch { 0 => 11, 1 => 11.5, 2 => 12, _ => 6 }), TimeSpan.Zero);
        DateTimeOffset? endsAt = null;
        string title, venue;
        string? seat = null;
        switch (category)
        {
            case TicketCategory.Concert:
                var performer = Popular(Performers);
                title = $"{performer}{Spacer(performer)}{city}{Popular(ConcertKinds)} {startsAt:M月d日}";
                venue = city + Popular(Stadiums);
                seat = $"{random.Next(1, 30)}排{random.Next(1, 40)}座";
                break;
            case TicketCategory.Film:
                title = $"{Popular(Films)} {startsAt:M月d日} IMAX";
                venue = city + Popular(Cinemas);
                seat = $"{random.Next(1, 15)}排{random.Next(1, 25)}座";
                break;
            case TicketCategory.Show:
                title = $"{Popular(Shows)} {city}站 {startsAt:M月d日}";
                venue = city + Popular(Theatres);
                break;
            case TicketCategory.Admission:
                var attraction = Popular(Attractions);
                title = $"{city}{attraction}门票 单日票";
                venue = city + attraction;
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
        var price = MarketPrices.Price(faceValue, random);
        var description = Descriptions[random.Next(Descriptions.Length)];
        var details = new NewListing(
            category, title, faceValue, price, TicketCode: $"SEARCH-{index:D7}-{random.Next():X8}",
            Description: description.Length == 0 ? null : description,
            Country: "中国", City: city, Venue: venue, StartsAt: start, EndsAt: endsAt, Seat: seat, ImageUrls: []);
        var listing = Listing.Publish(sellerId, details, vault, now.AddDays(-random.Next(0, 60)).AddMinutes(-random.Next(1440)));
        // A few have left the market: the index holds them, and searches must not find them.
        if (random.Next(100) < 3)
            listing.Withdraw();
        return listing;
    }

    /// <summary>Latin names are followed by a space, so "Coldplay上海" stays two words for every analyzer.</summary>
    private static string Spacer(string name) => char.IsAscii(name[^1]) ? " " : "";

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
