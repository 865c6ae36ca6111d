using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ETicket.Domain.Pictures.Imaging;

/// <summary>
/// A 64-bit DCT perceptual hash (pHash): the picture shrunk to 32×32 grey levels, its 8×8 lowest frequencies,
/// each bit saying whether a coefficient is above their median. Near copies of a picture (cropped a little,
/// rescaled, recompressed) have hashes a few bits apart.
/// </summary>
public static class PerceptualHash
{
    /// <summary>
    /// Two hashes at most this many bits apart are of near-identical pictures. Measured (PerceptualHashTests) on
    /// screenshots and photos: rescaling 50–200% and JPEG at quality 40–95 move a hash 0–4 bits, trimming 5% of
    /// the width and height off the edges 4–8, 2.5% off one corner 4–12; different pictures are 18 or more apart
    /// (median 30). Not a way to tell tickets apart: two tickets from one app, with other codes, can be 8–20
    /// apart, as their layout is the same; their codes differ.
    /// </summary>
    public const int NearIdenticalThreshold = 12;

    private const int Side = 32;
    private const int Kept = 8;

    /// <summary>The number of bits that differ (Hamming distance), 0 to 64.</summary>
    public static int Distance(ulong first, ulong second) => (int)ulong.PopCount(first ^ second);

    /// <summary>True when the two hashes are within <see cref="NearIdenticalThreshold"/>.</summary>
    public static bool AreNearIdentical(ulong first, ulong second) => Distance(first, second) <= NearIdenticalThreshold;

    internal static ulong Compute(Image<Rgba32> image)
    {
        // Box filtering averages every source pixel, so a 4096² picture and its half-size copy shrink alike.
        using var small = image.Clone(context => context.Resize(Side, Side, KnownResamplers.Box));
        var grey = new double[Side, Side];
        small.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < Side; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < Side; x++)
                    grey[y, x] = 0.299 * row[x].R + 0.587 * row[x].G + 0.114 * row[x].B;
            }
        });
        var coefficients = LowFrequencies(grey);

        // The DC term is the mean brightness: it is left out of the median so that it does not pull it.
        var median = Median(coefficients.AsSpan(1));
        ulong hash = 0;
        for (var i = 0; i < coefficients.Length; i++)
        {
            if (coefficients[i] > median)
                hash |= 1UL << i;
        }
        return hash;
    }

    /// <summary>The top-left 8×8 of the 32×32 DCT-II, row by row: only those coefficients are computed.</summary>
    private static double[] LowFrequencies(double[,] grey)
    {
        var cosines = new double[Kept, Side];
        for (var u = 0; u < Kept; u++)
        {
            for (var x = 0; x < Side; x++)
                cosines[u, x] = Math.Cos((2 * x + 1) * u * Math.PI / (2 * Side));
        }

        // Rows first (32 rows × 8 frequencies), then the columns of that.
        var rows = new double[Side, Kept];
        for (var y = 0; y < Side; y++)
        {
            for (var u = 0; u < Kept; u++)
            {
                var sum = 0.0;
                for (var x = 0; x < Side; x++)
                    sum += grey[y, x] * cosines[u, x];
                rows[y, u] = sum;
            }
        }
        var result = new double[Kept * Kept];
        for (var v = 0; v < Kept; v++)
        {
            for (var u = 0; u < Kept; u++)
            {
                var sum = 0.0;
                for (var y = 0; y < Side; y++)
                    sum += rows[y, u] * cosines[v, y];
                result[v * Kept + u] = sum;
            }
        }
        return result;
    }

    private static double Median(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
