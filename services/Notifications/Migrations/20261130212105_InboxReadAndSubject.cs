using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiPlatform.Notifications.Migrations
{
    /// <inheritdoc />
    public partial class InboxReadAndSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "inbox_items",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReadAt",
                table: "inbox_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectResource",
                table: "inbox_items",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_items_unread",
                table: "inbox_items",
                columns: new[] { "RecipientId", "CreatedAt" },
                filter: "\"ReadAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inbox_items_unread",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "ReadAt",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "SubjectResource",
                table: "inbox_items");

            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "inbox_items",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);
        }
    }
}
