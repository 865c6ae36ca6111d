using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ETicket.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListingRepricedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RepricedAt",
                table: "Listings",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RepricedAt",
                table: "Listings");
        }
    }
}
