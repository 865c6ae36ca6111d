using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ETicket.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SellerProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SellerProfiles",
                columns: table => new
                {
                    MemberId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Nickname = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    AvatarUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SellerProfiles", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_SellerProfiles_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // The sellers of listings published before copies existed (see SellerProfile).
            migrationBuilder.Sql(
                "INSERT INTO SellerProfiles (MemberId, Nickname, AvatarUrl) " +
                "SELECT Id, Nickname, AvatarUrl FROM Members WHERE Id IN (SELECT SellerId FROM Listings)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SellerProfiles");
        }
    }
}
