using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KiPlatform.Notifications.Migrations
{
    /// <inheritdoc />
    public partial class InboxStreamOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Position",
                table: "inbox_items",
                type: "bigint",
                nullable: false)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

            migrationBuilder.AddColumn<long>(
                name: "TransactionId",
                table: "inbox_items",
                type: "bigint",
                nullable: false,
                defaultValueSql: "pg_current_xact_id()::text::bigint");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_items_RecipientId_TransactionId_Position",
                table: "inbox_items",
                columns: new[] { "RecipientId", "TransactionId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inbox_items_RecipientId_TransactionId_Position",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "TransactionId",
                table: "inbox_items");
        }
    }
}
