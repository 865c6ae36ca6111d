using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ETicket.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Marketplace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ActiveCodeHash",
                table: "Listings",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CodeRevoked",
                table: "Listings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ExpiresAt",
                table: "Listings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Listings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Listings published before expiry existed: expire by the category's rule (see ListingExpiry),
            // and mark the codes of live listings for the duplicate guard.
            migrationBuilder.Sql("""
                UPDATE Listings SET ExpiresAt = CASE
                    WHEN Category IN ('Film', 'Concert', 'Show') THEN COALESCE(StartsAt, PublishedAt)
                    WHEN Category IN ('Food', 'Entertainment') THEN COALESCE(EndsAt, PublishedAt)
                    ELSE COALESCE(EndsAt, StartsAt, PublishedAt) END;
                UPDATE Listings SET ActiveCodeHash = TicketCodeHash WHERE Status IN ('OnSale', 'Reserved');
                """);

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", unicode: false, maxLength: 50, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ResultId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    ListingId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    BuyerId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    SellerId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Price = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceCharge = table.Column<long>(type: "INTEGER", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    BuyerLevel = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaymentDeadline = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmDeadline = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DisputedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DisputeReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RefundedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PaymentReference = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Orders_Listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "Listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WantedRequests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    From = table.Column<long>(type: "INTEGER", nullable: true),
                    To = table.Column<long>(type: "INTEGER", nullable: true),
                    MaxPrice = table.Column<long>(type: "INTEGER", nullable: true),
                    Open = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WantedRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    From = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WantedMatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WantedRequestId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    ListingId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    MatchedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WantedMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WantedMatches_WantedRequests_WantedRequestId",
                        column: x => x.WantedRequestId,
                        principalTable: "WantedRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_ActiveCodeHash",
                table: "Listings",
                column: "ActiveCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Status_ExpiresAt",
                table: "Listings",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_ExpiresAt",
                table: "IdempotencyRecords",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_MemberId_Operation_Key",
                table: "IdempotencyRecords",
                columns: new[] { "MemberId", "Operation", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_OrderId_Kind",
                table: "LedgerEntries",
                columns: new[] { "OrderId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_BuyerId_Status",
                table: "Orders",
                columns: new[] { "BuyerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ListingId_Status",
                table: "Orders",
                columns: new[] { "ListingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_SellerId_Status",
                table: "Orders",
                columns: new[] { "SellerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Status_ConfirmDeadline",
                table: "Orders",
                columns: new[] { "Status", "ConfirmDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Status_PaymentDeadline",
                table: "Orders",
                columns: new[] { "Status", "PaymentDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_WantedMatches_WantedRequestId_ListingId",
                table: "WantedMatches",
                columns: new[] { "WantedRequestId", "ListingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WantedRequests_CreatedAt_Id",
                table: "WantedRequests",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WantedRequests_MemberId_CreatedAt",
                table: "WantedRequests",
                columns: new[] { "MemberId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WantedRequests_Open_Category",
                table: "WantedRequests",
                columns: new[] { "Open", "Category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "WantedMatches");

            migrationBuilder.DropTable(
                name: "Orders");

            migrationBuilder.DropTable(
                name: "WantedRequests");

            migrationBuilder.DropIndex(
                name: "IX_Listings_ActiveCodeHash",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_Status_ExpiresAt",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "ActiveCodeHash",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "CodeRevoked",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Listings");
        }
    }
}
