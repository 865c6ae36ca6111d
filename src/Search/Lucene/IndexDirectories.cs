using System.Globalization;
using System.Text;

namespace ETicket.Search.Lucene;

/// <summary>
/// The search folder: numbered index directories (listings-1, listings-2, …) and a pointer file naming
/// the one in use. A rebuild fills a new directory and then replaces the pointer in one rename, so a
/// crash leaves either the old index or the new one in use, never half of one.
/// </summary>
internal sealed class IndexDirectories(string root)
{
    private const string Prefix = "listings-";
    private const string PointerFile = "current";

    /// <summary>The directory in use; null when none was ever switched to.</summary>
    /// <exception cref="InvalidDataException">The pointer file does not name an index directory.</exception>
    public string? Current()
    {
        var pointer = Path.Combine(root, PointerFile);
        if (!File.Exists(pointer))
            return null;
        var name = File.ReadAllText(pointer, Encoding.UTF8).Trim();
        if (Number(name) is null)
            throw new InvalidDataException("The search index pointer does not name an index directory.");
        return Path.Combine(root, name);
    }

    /// <summary>A directory no index has used yet, numbered after every existing one.</summary>
    public string Next()
    {
        Directory.CreateDirectory(root);
        var highest = Directory.EnumerateDirectories(root)
            .Select(path => Number(Path.GetFileName(path)) ?? 0)
            .DefaultIfEmpty(0).Max();
        return Path.Combine(root, Prefix + (highest + 1).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Points at <paramref name="directory"/>: written beside, flushed, then renamed over the old pointer.</summary>
    public void SwitchTo(string directory)
    {
        var pointer = Path.Combine(root, PointerFile);
        var written = pointer + ".new";
        using (var stream = new FileStream(written, FileMode.Create, FileAccess.Write))
        {
            stream.Write(Encoding.UTF8.GetBytes(Path.GetFileName(directory)));
            stream.Flush(flushToDisk: true);
        }
        File.Move(written, pointer, overwrite: true);
    }

    /// <summary>Index directories other than <paramref name="keep"/>: left by a failed rebuild, or unreadable and replaced.</summary>
    public void DeleteAllBut(params string?[] keep)
    {
        if (!Directory.Exists(root))
            return;
        foreach (var path in Directory.EnumerateDirectories(root))
        {
            if (Number(Path.GetFileName(path)) is null || keep.Any(kept => kept is not null && Path.GetFullPath(kept) == Path.GetFullPath(path)))
                continue;
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // Still open somewhere (a retired index with a search running): the next rebuild removes it.
            }
        }
    }

    private static int? Number(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal)
        && int.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : null;
}
