namespace ETicket.Domain.Pictures;

/// <summary>
/// Finding near copies among many perceptual hashes with plain indexes (multi-index hashing): the
/// 64 bits are cut into four 16-bit bands. Two hashes at most <c>4·(r+1)−1</c> bits apart agree
/// within <c>r</c> bits on at least one band (pigeonhole), so looking up every band value within
/// <c>r</c> bits of each of the picture's bands finds every candidate, and no exhaustive scan is needed.
/// </summary>
public static class PerceptualHashBands
{
    public const int Count = 4;
    private const int BandBits = 64 / Count;

    public static int Band(ulong hash, int band) => (int)((hash >> (band * BandBits)) & 0xFFFF);

    /// <summary>The band radius that finds every hash within <paramref name="maxDistance"/> bits.</summary>
    public static int RadiusFor(int maxDistance) => Math.Max(0, (maxDistance + 1 + Count - 1) / Count - 1);

    /// <summary>Every 16-bit value within <paramref name="radius"/> bits of <paramref name="value"/> (137 for a radius of 2).</summary>
    public static IReadOnlyList<int> Neighbours(int value, int radius)
    {
        if (radius is < 0 or > 3)
            throw new ArgumentOutOfRangeException(nameof(radius), "A band radius is 0 to 3 (at most 697 values).");
        var found = new List<int> { value };
        Flip(value, radius, 0, found);
        return found;
    }

    private static void Flip(int value, int flipsLeft, int fromBit, List<int> found)
    {
        if (flipsLeft == 0)
            return;
        for (var bit = fromBit; bit < BandBits; bit++)
        {
            var flipped = value ^ (1 << bit);
            found.Add(flipped);
            Flip(flipped, flipsLeft - 1, bit + 1, found);
        }
    }
}
