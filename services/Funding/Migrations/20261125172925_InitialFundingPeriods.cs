using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiPlatform.Funding.Migrations
{
    /// <inheritdoc />
    public partial class InitialFundingPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "funding_periods",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    BudgetCents = table.Column<long>(type: "bigint", nullable: false),
                    SpecialistRatePerFteYearCents = table.Column<long>(type: "bigint", nullable: false),
                    SupportRatePerHalfFteYearCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_periods", x => x.Id);
                    table.CheckConstraint("ck_funding_periods_dates", "end_date >= start_date");
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_periods");
        }
    }
}
