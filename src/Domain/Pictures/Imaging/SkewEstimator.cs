using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ETicket.Domain.Pictures.Imaging;

/// <summary>
/// How far a photo is turned from upright, between -45° and 45°: the dominant direction of its edges (screen
/// borders, text lines, bars), from a histogram of gradient directions weighted by their strength. ZXing reads
/// barcodes and PDF417 along rows, which fails past ~7–14° of tilt; turning the picture back by this much
/// lets it read them again.
/// </summary>
internal static class SkewEstimator
{
    /// <summary>Gradients weaker than this (sum of the absolute Sobel responses) are noise.</summary>
    private const int MinimumStrength = 160;

    /// <returns>Degrees, positive when the content is turned clockwise (as ImageSharp's Rotate turns it).</returns>
    public static float Estimate(Image<L8> grey)
    {
        var width = grey.Width;
        var height = grey.Height;
        var pixels = new byte[width * height];
        grey.CopyPixelDataTo(pixels);

        // Half-degree bins over [-45°, 45°): directions are folded modulo 90°, as a rectangle's edges are.
        const int bins = 180;
        var histogram = new double[bins];
        for (var y = 1; y < height - 1; y++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                var i = y * width + x;
                int Pixel(int dx, int dy) => pixels[i + dy * width + dx];
                var gx = Pixel(1, -1) + 2 * Pixel(1, 0) + Pixel(1, 1) - Pixel(-1, -1) - 2 * Pixel(-1, 0) - Pixel(-1, 1);
                var gy = Pixel(-1, 1) + 2 * Pixel(0, 1) + Pixel(1, 1) - Pixel(-1, -1) - 2 * Pixel(0, -1) - Pixel(1, -1);
                var strength = Math.Abs(gx) + Math.Abs(gy);
                if (strength < MinimumStrength)
                    continue;
                var degrees = Math.Atan2(gy, gx) * 180 / Math.PI;
                var folded = ((degrees % 90) + 135) % 90 - 45;
                histogram[Math.Clamp((int)((folded + 45) * 2), 0, bins - 1)] += strength;
            }
        }

        var best = 0;
        var bestWeight = double.MinValue;
        for (var bin = 0; bin < bins; bin++)
        {
            // Neighbouring bins together, wrapping around: an edge's direction spreads over a few.
            var weight = histogram[(bin + bins - 1) % bins] + histogram[bin] + histogram[(bin + 1) % bins];
            if (weight > bestWeight)
                (best, bestWeight) = (bin, weight);
        }
        return best / 2f - 45 + 0.25f;
    }
}
