using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ETicket.Domain.Persistence;

// Used by `dotnet ef migrations add ... --context <X>`; neither needs a live database.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteETicketDbContext>
{
    public SqliteETicketDbContext CreateDbContext(string[] args) =>
        new(PersistenceRegistration.ConfigureSqlite(new DbContextOptionsBuilder<SqliteETicketDbContext>(), "Data Source=design-time.db").Options
            as DbContextOptions<SqliteETicketDbContext> ?? throw new InvalidOperationException());
}

internal sealed class MySqlDesignTimeFactory : IDesignTimeDbContextFactory<MySqlETicketDbContext>
{
    public MySqlETicketDbContext CreateDbContext(string[] args) =>
        new(PersistenceRegistration.ConfigureMySql(new DbContextOptionsBuilder<MySqlETicketDbContext>(), "Server=localhost;Database=eticket",
                ServerVersion.Parse(new DatabaseOptions().ServerVersion)).Options
            as DbContextOptions<MySqlETicketDbContext> ?? throw new InvalidOperationException());
}
