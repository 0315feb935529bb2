using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiPlatform.Funding.Migrations
{
    /// <inheritdoc />
    public partial class Grants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AdministrativeRatePerFteYearCents",
                table: "funding_periods",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Periods on record before rates were kept per category paid administrative posts at the specialist rate.
            migrationBuilder.Sql("UPDATE funding_periods SET \"AdministrativeRatePerFteYearCents\" = \"SpecialistRatePerFteYearCents\"");

            migrationBuilder.CreateTable(
                name: "grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ags = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PeriodId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TeacherFteMilli = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    NoticeDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FinalOn = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Amounts_AdministrativeCents = table.Column<long>(type: "bigint", nullable: false),
                    Amounts_Months = table.Column<int>(type: "integer", nullable: false),
                    Amounts_SpecialistCents = table.Column<long>(type: "bigint", nullable: false),
                    Amounts_Start = table.Column<DateOnly>(type: "date", nullable: false),
                    Amounts_SupportCents = table.Column<long>(type: "bigint", nullable: false),
                    Amounts_TotalCents = table.Column<long>(type: "bigint", nullable: false),
                    Fte_AdministrativeMilli = table.Column<int>(type: "integer", nullable: false),
                    Fte_SpecialistMilli = table.Column<int>(type: "integer", nullable: false),
                    Fte_SupportMilli = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "grant_steps",
                columns: table => new
                {
                    Position = table.Column<int>(type: "integer", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    What = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grant_steps", x => new { x.GrantId, x.Position });
                    table.ForeignKey(
                        name: "FK_grant_steps_grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_grants_Ags",
                table: "grants",
                column: "Ags");

            migrationBuilder.CreateIndex(
                name: "IX_grants_ApplicationId",
                table: "grants",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_grants_Number",
                table: "grants",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_grants_PeriodId_Status_ApprovedAt",
                table: "grants",
                columns: new[] { "PeriodId", "Status", "ApprovedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grant_steps");

            migrationBuilder.DropTable(
                name: "grants");

            migrationBuilder.DropColumn(
                name: "AdministrativeRatePerFteYearCents",
                table: "funding_periods");
        }
    }
}
