using System.Collections;
using System.Reflection;
using ETicket.Domain.Persistence;
using ETicket.Graph.Hosting;
using ETicket.Search;

namespace ETicket.Tests.Configuration;

/// <summary>The platform's options classes: each names its configuration section in a public <c>Section</c> constant.</summary>
public static class OptionsClasses
{
    private static readonly Lazy<IReadOnlyList<(Type Type, string Section)>> Found = new(() =>
    [
        .. new[] { typeof(PlatformOptions).Assembly, typeof(DatabaseOptions).Assembly, typeof(LuceneSearchOptions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Select(type => (type, section: type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(options => options.section is not null)
            .Select(options => (options.type, options.section!)),
    ]);

    public static IEnumerable<string> Sections => Found.Value.Select(options => options.Section);

    /// <summary>
    /// The keys of properties without a setter (<c>ETicket:FullDataDirectory</c>, <c>ETicket:Redis:Enabled</c>):
    /// the binder asks for them, but they are worked out from the settings, not settings themselves.
    /// </summary>
    public static IReadOnlySet<string> ComputedKeys => Found.Value
        .SelectMany(options => options.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is not { IsPublic: true } && !IsList(property.PropertyType))
            .Select(property => $"{options.Section}:{property.Name}"))
        .ToHashSet(StringComparer.Ordinal);

    // A list the binder can fill without a setter is a setting all the same.
    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);
}
