using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ETicket.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TicketPictures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TicketPictures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    UploaderId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    ListingId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    ThumbnailContentType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    PerceptualHash = table.Column<long>(type: "INTEGER", nullable: false),
                    HashBand0 = table.Column<int>(type: "INTEGER", nullable: false),
                    HashBand1 = table.Column<int>(type: "INTEGER", nullable: false),
                    HashBand2 = table.Column<int>(type: "INTEGER", nullable: false),
                    HashBand3 = table.Column<int>(type: "INTEGER", nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    SealedCode = table.Column<byte[]>(type: "BLOB", maxLength: 2048, nullable: true),
                    CodeFormat = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    ReviewReason = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    SimilarToPictureId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketPictures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketPictures_Listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "Listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TicketPictures_Members_UploaderId",
                        column: x => x.UploaderId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TicketPictures_HashBand0",
                table: "TicketPictures",
                column: "HashBand0");

            migrationBuilder.CreateIndex(
                name: "IX_TicketPictures_HashBand1",
                table: "TicketPictures",
                column: "HashBand1");

            migrationBuilder.CreateIndex(
                name: "IX_TicketPictures_HashBand2",
                table: "TicketPictures",
                column: "HashBand2");

            migrationBuilder.CreateIndex(
                name: "IX_TicketPictures_HashBand3",
                table: "TicketPictures",
                column: "HashBand3");

            migrationBuilder.CreateIndex(
                name: "IX_TicketPictures_ListingId_Position",
                table: "TicketPictures",
                columns: new[] { "ListingId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketPictures_ListingId_UploadedAt",
                table: "TicketPictures",
                columns: new[] { "ListingId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketPictures_ReviewReason_UploadedAt",
                table: "TicketPictures",
                columns: new[] { "ReviewReason", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketPictures_UploaderId_ListingId",
                table: "TicketPictures",
                columns: new[] { "UploaderId", "ListingId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TicketPictures");
        }
    }
}
