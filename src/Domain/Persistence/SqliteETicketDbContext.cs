using ETicket.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ETicket.Domain.Persistence;

/// <summary>
/// SQLite stores decimal and DateTimeOffset as TEXT, which neither sorts nor compares: money is kept
/// as whole cents and time as UTC ticks, both integers.
/// </summary>
public sealed class SqliteETicketDbContext(DbContextOptions<SqliteETicketDbContext> options) : ETicketDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HaveConversion<CentsConverter>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class CentsConverter() : ValueConverter<decimal, long>(
        amount => Money.ToCents(amount),
        cents => Money.FromCents(cents));

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        time => time.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
