using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ETicket.Domain.Persistence.Migrations.MySql
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
                    Id = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false, collation: "ascii_bin")
                        .Annotation("MySql:CharSet", "ascii"),
                    UploaderId = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false, collation: "ascii_bin")
                        .Annotation("MySql:CharSet", "ascii"),
                    ListingId = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true, collation: "ascii_bin")
                        .Annotation("MySql:CharSet", "ascii"),
                    Position = table.Column<int>(type: "int", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    ContentType = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false, collation: "ascii_bin")
                        .Annotation("MySql:CharSet", "ascii"),
                    ThumbnailContentType = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false, collation: "ascii_bin")
                        .Annotation("MySql:CharSet", "ascii"),
                    Width = table.Column<int>(type: "int", nullable: false),
                    Height = table.Column<int>(type: "int", nullable: false),
                    PerceptualHash = table.Column<long>(type: "bigint", nullable: false),
                    HashBand0 = table.Column<int>(type: "int", nullable: false),
                    HashBand1 = table.Column<int>(type: "int", nullable: false),
                    HashBand2 = table.Column<int>(type: "int", nullable: false),
                    HashBand3 = table.Column<int>(type: "int", nullable: false),
                    CodeHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true, collation: "ascii_bin")
                        .Annotation("MySql:CharSet", "ascii"),
                    SealedCode = table.Column<byte[]>(type: "varbinary(2048)", maxLength: 2048, nullable: true),
                    CodeFormat = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true, collation: "ascii_bin")
                        .Annotation("MySql:CharSet", "ascii"),
                    ReviewReason = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true, collation: "ascii_bin")
                        .Annotation("MySql:CharSet", "ascii"),
                    SimilarToPictureId = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true, collation: "ascii_bin")
                        .Annotation("MySql:CharSet", "ascii")
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
                })
                .Annotation("MySql:CharSet", "utf8mb4")
                .Annotation("Relational:Collation", "utf8mb4_unicode_ci");

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
