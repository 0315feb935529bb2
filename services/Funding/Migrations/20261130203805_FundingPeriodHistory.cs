using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiPlatform.Funding.Migrations
{
    /// <inheritdoc />
    public partial class FundingPeriodHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GovernmentDistrict",
                table: "grants",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MunicipalityName",
                table: "grants",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "PostCaps_AdministrativeMilli",
                table: "funding_periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PostCaps_SpecialistMilli",
                table: "funding_periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PostCaps_SupportMilli",
                table: "funding_periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PostCaps_TeacherMilli",
                table: "funding_periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Periods added before caps were Funding's data carry the caps the Land set for the first periods.
            migrationBuilder.Sql(
                "UPDATE funding_periods SET \"PostCaps_TeacherMilli\" = 2000, \"PostCaps_SpecialistMilli\" = 2000, " +
                "\"PostCaps_AdministrativeMilli\" = 1000, \"PostCaps_SupportMilli\" = 500;");

            migrationBuilder.CreateTable(
                name: "funding_period_changes",
                columns: table => new
                {
                    Position = table.Column<int>(type: "integer", nullable: false),
                    PeriodId = table.Column<string>(type: "character varying(20)", nullable: false),
                    What = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Why = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_period_changes", x => new { x.PeriodId, x.Position });
                    table.ForeignKey(
                        name: "FK_funding_period_changes_funding_periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "funding_periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_period_changes");

            migrationBuilder.DropColumn(
                name: "GovernmentDistrict",
                table: "grants");

            migrationBuilder.DropColumn(
                name: "MunicipalityName",
                table: "grants");

            migrationBuilder.DropColumn(
                name: "PostCaps_AdministrativeMilli",
                table: "funding_periods");

            migrationBuilder.DropColumn(
                name: "PostCaps_SpecialistMilli",
                table: "funding_periods");

            migrationBuilder.DropColumn(
                name: "PostCaps_SupportMilli",
                table: "funding_periods");

            migrationBuilder.DropColumn(
                name: "PostCaps_TeacherMilli",
                table: "funding_periods");
        }
    }
}
