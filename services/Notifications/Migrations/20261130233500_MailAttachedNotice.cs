using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiPlatform.Notifications.Migrations
{
    /// <inheritdoc />
    public partial class MailAttachedNotice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttachedNoticeOf",
                table: "mail_deliveries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttachedNoticeOf",
                table: "mail_deliveries");
        }
    }
}
