using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiPlatform.Applications.Migrations
{
    /// <inheritdoc />
    public partial class FundingPeriodCopy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EndDate",
                table: "period_post_caps",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "period_post_caps",
                type: "integer",
                nullable: false,
                // Rows seeded before Funding fed this copy take the first event Funding publishes about them.
                defaultValue: -1);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartDate",
                table: "period_post_caps",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EndDate",
                table: "period_post_caps");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "period_post_caps");

            migrationBuilder.DropColumn(
                name: "StartDate",
                table: "period_post_caps");
        }
    }
}
