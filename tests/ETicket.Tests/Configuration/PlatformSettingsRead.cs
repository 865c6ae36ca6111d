using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ETicket.Graph.Hosting;
using ETicket.Graph.Schema;
using ETicket.Tests.Infrastructure.FakeWeChatPay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ETicket.Tests.Configuration;

/// <summary>
/// The platform settings (keys under <c>ETicket:</c>) the real host of a role reads: the host is
/// built (not started, so nothing connects anywhere) with a <see cref="RecordingConfigurationSource"/>,
/// then every options type bound from configuration is resolved, which binds it. Built twice per
/// role: on the embedded defaults, and with every optional backend configured, because some
/// settings are bound only when their backend is (Redis, Elasticsearch) and others only instead of
/// it (the embedded Lucene index).
/// </summary>
public static partial class PlatformSettingsRead
{
    public const string Prefix = "ETicket:";

    /// <summary>What stands for a list index in a documented key: <c>ETicket:Members:Admins:{n}</c>.</summary>
    public const string ListIndex = "{n}";

    /// <summary>A key in every options section that no options class has a property for.</summary>
    private const string Probe = "recording-probe";

    /// <summary>Every optional backend and every list given, so that their settings are read too.</summary>
    private static readonly Dictionary<string, string?> EverythingConfigured = new()
    {
        ["ETicket:Redis:Configuration"] = "127.0.0.1:1,abortConnect=false",
        ["ETicket:Search:Elasticsearch:Url"] = "http://127.0.0.1:1",
        ["ETicket:WeChat:AppId"] = "wx0000000000000000",
        ["ETicket:WeChat:AppSecret"] = "secret",
        // A list setting is read as a list (its :0, :1 ... keys) only when it holds an entry: give each one here.
        ["ETicket:Network:TrustedProxies:0"] = "10.0.0.0/8",
        ["ETicket:Members:Admins:0"] = "13800000000",
    };

    /// <summary>WeChat Pay as the payment provider, with usable settings (the test fake's): its settings are read only then.</summary>
    private static readonly Dictionary<string, string?> WeChatPayConfigured = new(FakeWeChatPayServer.SettingsFor(new Uri("http://127.0.0.1:1/")))
    {
        ["ETicket:Payments:Provider"] = "WeChatPay",
    };

    /// <summary>Pictures kept in S3, with usable settings: its settings are read only then.</summary>
    private static readonly Dictionary<string, string?> S3PicturesConfigured = new()
    {
        ["ETicket:Pictures:Storage"] = "S3",
        ["ETicket:Pictures:S3:ServiceUrl"] = "http://127.0.0.1:1/",
        ["ETicket:Pictures:S3:Bucket"] = "pictures",
        ["ETicket:Pictures:S3:AccessKey"] = "key",
        ["ETicket:Pictures:S3:SecretKey"] = "secret",
    };

    /// <summary>The settings this role reads, list indexes written as <see cref="ListIndex"/>, sections left out.</summary>
    public static async Task<IReadOnlySet<string>> ForAsync(GraphRole role)
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var optional in new[] { new Dictionary<string, string?>(), EverythingConfigured, WeChatPayConfigured, S3PicturesConfigured })
            asked.UnionWith(await AskedWhileBindingAsync(role, optional));
        var computed = OptionsClasses.ComputedKeys;
        var settings = asked.Where(key => key.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(WithListIndexes)
            .Where(key => !computed.Contains(key) && !key.EndsWith(":" + Probe, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        // A section is asked for before its settings are; a key that others sit under is a section.
        return settings.Where(key => !settings.Any(other => other.StartsWith(key + ":", StringComparison.Ordinal))).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<IReadOnlyCollection<string>> AskedWhileBindingAsync(GraphRole role, IReadOnlyDictionary<string, string?> optional)
    {
        var data = Directory.CreateTempSubdirectory("eticket-settings-").FullName;
        var settings = new Dictionary<string, string?>(optional)
        {
            ["ETicket:Role"] = role.ToString(),
            ["ETicket:DataDirectory"] = data,
            // Given, so that Production starts without generating them.
            ["ETicket:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["ETicket:Tickets:SecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        settings.TryAdd("ETicket:Payments:Provider", "Sandbox");
        // The binder reads a section's properties only when the section has something in it.
        foreach (var section in OptionsClasses.Sections)
            settings[$"{section}:{Probe}"] = "";
        var recorder = new RecordingConfigurationSource(settings);
        IServiceCollection? registered = null;
        try
        {
            await using var app = PlatformHost.Build(["--environment=Production", "--Logging:LogLevel:Default=Error"], services => registered = services,
                configuration => configuration.Add(recorder));
            foreach (var optionsType in BoundOptionsTypes(registered!))
                _ = typeof(IOptions<>).MakeGenericType(optionsType).GetProperty(nameof(IOptions<object>.Value))!
                    .GetValue(app.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(optionsType)));
            return recorder.AskedKeys;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>BindConfiguration registers a change token source for each options type it binds.</summary>
    private static IEnumerable<Type> BoundOptionsTypes(IServiceCollection services) => services
        .Select(service => service.ServiceType)
        .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
        .Select(type => type.GetGenericArguments()[0])
        .Distinct();

    private static string WithListIndexes(string key) => ListIndexPattern().Replace(key, ":" + ListIndex);

    [GeneratedRegex(@":\d+(?=:|$)")]
    private static partial Regex ListIndexPattern();
}
