using System.Globalization;
using ETicket.Domain.DemoData;

namespace ETicket.Graph.DemoData;

/// <summary>
/// What <c>seed</c> was asked for: its own options, and the platform settings given after it
/// (<c>--ETicket:DataDirectory=...</c>, <c>--environment ...</c>) for the host it builds.
/// </summary>
public sealed record SeedArguments(int Listings, int Seed, bool Force, IReadOnlyList<string> Settings)
{
    public const int DefaultListings = 2_000;

    /// <summary>Any fixed number: the same seed gives the same demo.</summary>
    public const int DefaultSeed = 20261217;

    public const string Usage = """
        Usage: dotnet run --project src/Graph -- seed [--listings N] [--seed S] [--force] [--Section:Key=value ...]
          --listings N  listings to make, from 100 to 1,000,000 (default 2,000); members and orders in proportion
          --seed S      the random seed: the same seed makes the same demo (default 20261217)
          --force       seed even though the database already has members (adds to what is there)
          Platform settings (--ETicket:DataDirectory=..., or ETicket__... environment variables) choose the database, as for the platform.
        """;

    /// <summary>The arguments after <c>seed</c>; an error says what is wrong with them.</summary>
    public static (SeedArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        var listings = DefaultListings;
        var seed = DefaultSeed;
        var force = false;
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            string? Value() => inlineValue ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
            switch (name)
            {
                case "--listings":
                    if (!TryParseCount(Value(), out var count))
                        return (null, "--listings needs a whole number, e.g. --listings 10000.");
                    if (DemoDataSize.Check(count) is { } outOfBounds)
                        return (null, outOfBounds);
                    listings = (int)count;
                    break;
                case "--seed":
                    if (!int.TryParse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
                        return (null, "--seed needs a whole number, e.g. --seed 42.");
                    break;
                case "--force" when inlineValue is null:
                    force = true;
                    break;
                // Platform settings: configuration keys have a section (ETicket:DataDirectory), and the
                // host's own switches; anything else is a mistyped option, not a setting to ignore.
                case var setting when setting.StartsWith("--", StringComparison.Ordinal)
                                      && (setting.Contains(':') || setting is "--environment" or "--contentRoot"):
                    settings.Add(args[i]);
                    if (inlineValue is null && i + 1 < args.Count)
                        settings.Add(args[++i]);
                    break;
                default:
                    return (null, $"Unknown option \"{args[i]}\".");
            }
        }
        return (new SeedArguments(listings, seed, force, settings), null);
    }

    /// <summary>"10000", "10,000" or "10_000".</summary>
    private static bool TryParseCount(string? text, out long count) =>
        long.TryParse(text?.Replace(",", "").Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out count);
}
