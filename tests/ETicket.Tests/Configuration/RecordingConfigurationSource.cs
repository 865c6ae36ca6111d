using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace ETicket.Tests.Configuration;

/// <summary>
/// A configuration source that holds the settings it is given and records every key the
/// configuration system asks it for. Added last, it has the highest priority, so every lookup
/// reaches it before any other source: the binder's for each property (its full key, and its child
/// keys), and code that reads a key directly.
/// </summary>
public sealed class RecordingConfigurationSource(IReadOnlyDictionary<string, string?> settings) : IConfigurationSource
{
    private readonly ConcurrentDictionary<string, byte> _asked = new(StringComparer.Ordinal);

    /// <summary>The keys asked for, as asked (with their list indexes).</summary>
    public IReadOnlyCollection<string> AskedKeys => [.. _asked.Keys];

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(settings, key => _asked.TryAdd(key, 0));

    private sealed class Provider(IReadOnlyDictionary<string, string?> settings, Action<string> asked) : ConfigurationProvider
    {
        public override void Load()
        {
            foreach (var (key, value) in settings)
                Data[key] = value;
        }

        public override bool TryGet(string key, out string? value)
        {
            asked(key);
            return base.TryGet(key, out value);
        }

        // Code may list a section's children without asking for any of them by name.
        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            if (parentPath is not null)
                asked(parentPath);
            return base.GetChildKeys(earlierKeys, parentPath);
        }
    }
}
