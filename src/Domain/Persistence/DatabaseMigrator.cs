using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Persistence;

public static class DatabaseMigrator
{
    /// <summary>Creates the database or brings it to the newest migration of its provider.</summary>
    public static async Task MigrateAsync(ETicketDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db is SqliteETicketDbContext)
        {
            // Readers never wait for the writer; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
