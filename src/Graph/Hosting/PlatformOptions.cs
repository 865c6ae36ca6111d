using ETicket.Graph.Schema;

namespace ETicket.Graph.Hosting;

/// <summary>Configuration section <c>ETicket</c>: where data lives and which part of the platform this process serves.</summary>
public sealed class PlatformOptions
{
    public const string Section = "ETicket";

    /// <summary>Database file, generated development keys; created if missing. Relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public GraphRole Role { get; set; } = GraphRole.AllInOne;

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
