namespace ETicket.Domain.Persistence;

/// <summary>Configuration section <c>ETicket:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "ETicket:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for MySql; for Sqlite the default is <c>eticket.db</c> in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>MySQL or MariaDB server version, e.g. "10.11.0-mariadb" or "8.0.36-mysql"; no live probe at start.</summary>
    public string ServerVersion { get; set; } = "10.11.0-mariadb";
}
