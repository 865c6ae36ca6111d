using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ETicket.Domain.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class SplitListingText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The model only: Description and TicketCodeCipher move to ListingText, mapped to the same
            // Listings row (table splitting), so list queries stop reading them. The table is unchanged.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
