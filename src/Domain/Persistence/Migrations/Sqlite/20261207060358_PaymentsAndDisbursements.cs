using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ETicket.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentsAndDisbursements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PaymentCheckedAt",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentHandle",
                table: "Orders",
                type: "TEXT",
                unicode: false,
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Disbursements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    OrderId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    PayeeId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Number = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PayeeConfirmation = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextCheckAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SucceededAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disbursements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Disbursements_Members_PayeeId",
                        column: x => x.PayeeId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Disbursements_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Disbursements_NextCheckAt",
                table: "Disbursements",
                column: "NextCheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_Disbursements_Number",
                table: "Disbursements",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disbursements_OrderId_Kind",
                table: "Disbursements",
                columns: new[] { "OrderId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disbursements_PayeeId",
                table: "Disbursements",
                column: "PayeeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Disbursements");

            // SQLite's own DROP COLUMN, not EF's table rebuild: the rebuild checks every foreign key
            // of the table afterwards and fails on rows an older version left without their member.
            migrationBuilder.Sql("ALTER TABLE \"Orders\" DROP COLUMN \"PaymentCheckedAt\";");
            migrationBuilder.Sql("ALTER TABLE \"Orders\" DROP COLUMN \"PaymentHandle\";");
        }
    }
}
