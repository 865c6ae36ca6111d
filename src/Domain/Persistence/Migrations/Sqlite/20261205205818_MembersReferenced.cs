using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ETicket.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MembersReferenced : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MissingMembers.SqliteInsert);

            migrationBuilder.AddForeignKey(
                name: "FK_Listings_Members_SellerId",
                table: "Listings",
                column: "SellerId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Orders_Members_BuyerId",
                table: "Orders",
                column: "BuyerId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Orders_Members_SellerId",
                table: "Orders",
                column: "SellerId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_WantedRequests_Members_MemberId",
                table: "WantedRequests",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Listings_Members_SellerId",
                table: "Listings");

            migrationBuilder.DropForeignKey(
                name: "FK_Orders_Members_BuyerId",
                table: "Orders");

            migrationBuilder.DropForeignKey(
                name: "FK_Orders_Members_SellerId",
                table: "Orders");

            migrationBuilder.DropForeignKey(
                name: "FK_WantedRequests_Members_MemberId",
                table: "WantedRequests");
        }
    }
}
