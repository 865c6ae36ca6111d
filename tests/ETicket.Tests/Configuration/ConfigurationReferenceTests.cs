using ETicket.Graph.Schema;

namespace ETicket.Tests.Configuration;

/// <summary>
/// docs/configuration.md names every setting the platform reads and nothing else, with the roles
/// that read it; and every environment variable the gateway's configuration reads. What the
/// platform reads comes from its real host, built for each role (<see cref="PlatformSettingsRead"/>).
/// </summary>
public sealed class ConfigurationReferenceTests
{
    private const string Path = ConfigurationReference.RelativePath;

    // Six hosts to build: once for the whole class.
    private static readonly Lazy<Task<IReadOnlyDictionary<GraphRole, IReadOnlySet<string>>>> ReadByRole = new(async () =>
    {
        var read = new Dictionary<GraphRole, IReadOnlySet<string>>();
        foreach (var role in Enum.GetValues<GraphRole>())
            read[role] = await PlatformSettingsRead.ForAsync(role);
        return read;
    });

    [Fact]
    public async Task Every_setting_the_platform_reads_is_in_the_reference()
    {
        var documented = ConfigurationReference.Load().PlatformSettings.Select(setting => setting.Key).ToHashSet();

        var missing = (await ReadByRole.Value).Values.SelectMany(keys => keys).Distinct().Where(key => !documented.Contains(key)).Order().ToList();

        Assert.True(missing.Count == 0, $"The platform reads settings {Path} does not name; add a row for each:\n  {string.Join("\n  ", missing)}");
    }

    [Fact]
    public async Task Every_setting_in_the_reference_is_read_by_the_platform()
    {
        var read = (await ReadByRole.Value).Values.SelectMany(keys => keys).ToHashSet();

        var unread = ConfigurationReference.Load().PlatformSettings.Select(setting => setting.Key).Where(key => !read.Contains(key)).ToList();

        Assert.True(unread.Count == 0, $"{Path} names settings no role of the platform reads; remove them or fix their keys "
            + $"(a list is written {PlatformSettingsRead.Prefix}...:{PlatformSettingsRead.ListIndex}):\n  {string.Join("\n  ", unread)}");
    }

    [Fact]
    public async Task The_reference_names_the_roles_that_read_each_setting()
    {
        var read = await ReadByRole.Value;

        var wrong = ConfigurationReference.Load().PlatformSettings
            .Select(setting => (setting, actual: read.Where(role => role.Value.Contains(setting.Key)).Select(role => role.Key).ToHashSet()))
            .Where(pair => pair.actual.Count > 0 && !pair.actual.SetEquals(pair.setting.Roles))
            .Select(pair => $"{pair.setting.Key}: documented {Roles(pair.setting.Roles)}, read by {Roles(pair.actual)}")
            .ToList();

        Assert.True(wrong.Count == 0, $"{Path} names the wrong roles:\n  {string.Join("\n  ", wrong)}");
    }

    [Fact]
    public void Each_setting_is_named_once_with_its_environment_variable()
    {
        var settings = ConfigurationReference.Load().PlatformSettings;

        var twice = settings.GroupBy(setting => setting.Key).Where(group => group.Count() > 1).Select(group => $"{group.Key} is named twice");
        var misnamed = settings.Where(setting => !setting.Key.StartsWith(PlatformSettingsRead.Prefix, StringComparison.Ordinal))
            .Select(setting => $"{setting.Key} is not under {PlatformSettingsRead.Prefix}");
        var wrongVariable = settings.Where(setting => setting.EnvironmentVariable != setting.Key.Replace(":", "__", StringComparison.Ordinal))
            .Select(setting => $"{setting.Key}'s environment variable is {setting.Key.Replace(":", "__", StringComparison.Ordinal)}, not {setting.EnvironmentVariable}");
        var problems = twice.Concat(misnamed).Concat(wrongVariable).ToList();

        Assert.True(problems.Count == 0, $"{Path}:\n  {string.Join("\n  ", problems)}");
    }

    [Fact]
    public void The_reference_names_exactly_the_environment_variables_the_gateway_reads()
    {
        var read = GatewayVariablesRead.All();
        var documented = ConfigurationReference.Load().GatewayVariables.ToHashSet(StringComparer.Ordinal);

        Assert.True(read.SetEquals(documented), $"""
            {Path}'s gateway table and what {GatewayVariablesRead.Folder}/*.mjs reads through process.env differ.
              read, not documented: {string.Join(", ", read.Except(documented).Order())}
              documented, not read: {string.Join(", ", documented.Except(read).Order())}
            """);
    }

    private static string Roles(IEnumerable<GraphRole> roles) => string.Join(", ", roles.Order());
}
