using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Persistence;

/// <summary>MySQL / MariaDB: money as decimal(18,2), time as UTC datetime(6), one unicode collation.</summary>
public sealed class MySqlETicketDbContext(DbContextOptions<MySqlETicketDbContext> options) : ETicketDbContext(options)
{
    public const string Collation = "utf8mb4_unicode_ci";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasCharSet("utf8mb4").UseCollation(Collation);
        base.OnModelCreating(modelBuilder);

        // Ids, hashes, enum names: ASCII with binary comparison keeps their indexes a quarter the
        // size of utf8mb4 and makes ordering byte-wise, as on SQLite.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(string) && property.IsUnicode() == false)
            {
                property.SetCharSet("ascii");
                property.SetCollation("ascii_bin");
            }
        }
    }
}
