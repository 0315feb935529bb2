using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiPlatform.Funding.Migrations
{
    /// <inheritdoc />
    public partial class GrantSettlement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Claim",
                table: "grants",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodEnd",
                table: "grants",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "ProofOfUseDueOn",
                table: "grants",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "ProofOfUseOverdueSince",
                table: "grants",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProofOfUseRemindersSent",
                table: "grants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ProofOfUseSubmittedAt",
                table: "grants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Rates_AdministrativeCentsPerFteYear",
                table: "grants",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Rates_SpecialistCentsPerFteYear",
                table: "grants",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Rates_SupportCentsPerFteYear",
                table: "grants",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "AmountCents",
                table: "grant_steps",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveOn",
                table: "grant_steps",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "grant_steps",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FixedTranches",
                table: "funding_periods",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "base_rates",
                columns: table => new
                {
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    BasisPoints = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_base_rates", x => x.EffectiveFrom);
                });

            migrationBuilder.CreateTable(
                name: "disbursements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ags = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PeriodId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    TwoMonthNeedCents = table.Column<long>(type: "bigint", nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PaymentDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TrancheOn = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disbursements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "grant_vacancies",
                columns: table => new
                {
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ags = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Months = table.Column<string>(type: "jsonb", nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChangesSeen = table.Column<int>(type: "integer", nullable: false),
                    ChangesTaken = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grant_vacancies", x => x.GrantId);
                });

            migrationBuilder.CreateTable(
                name: "proofs_of_use",
                columns: table => new
                {
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Narrative = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Document = table.Column<string>(type: "jsonb", nullable: true),
                    Statement = table.Column<string>(type: "jsonb", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proofs_of_use", x => x.GrantId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_grants_Status_ProofOfUseDueOn",
                table: "grants",
                columns: new[] { "Status", "ProofOfUseDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_GrantId_RequestedAt",
                table: "disbursements",
                columns: new[] { "GrantId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_GrantId_TrancheOn",
                table: "disbursements",
                columns: new[] { "GrantId", "TrancheOn" },
                unique: true,
                filter: "\"TrancheOn\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_Status_PaymentDate",
                table: "disbursements",
                columns: new[] { "Status", "PaymentDate" });

            migrationBuilder.CreateIndex(
                name: "IX_grant_vacancies_Ags",
                table: "grant_vacancies",
                column: "Ags");
        
            // Grants made before this migration keep the rates and period end they were computed with: their period's.
            migrationBuilder.Sql(
                """
                UPDATE grants g SET "PeriodEnd" = p.end_date,
                    "ProofOfUseDueOn" = (p.end_date + interval '6 months')::date,
                    "Rates_SpecialistCentsPerFteYear" = p."SpecialistRatePerFteYearCents",
                    "Rates_AdministrativeCentsPerFteYear" = p."AdministrativeRatePerFteYearCents",
                    "Rates_SupportCentsPerFteYear" = p."SupportRatePerHalfFteYearCents" * 2
                FROM funding_periods p WHERE p."Id" = g."PeriodId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "base_rates");

            migrationBuilder.DropTable(
                name: "disbursements");

            migrationBuilder.DropTable(
                name: "grant_vacancies");

            migrationBuilder.DropTable(
                name: "proofs_of_use");

            migrationBuilder.DropIndex(
                name: "IX_grants_Status_ProofOfUseDueOn",
                table: "grants");

            migrationBuilder.DropColumn(
                name: "Claim",
                table: "grants");

            migrationBuilder.DropColumn(
                name: "PeriodEnd",
                table: "grants");

            migrationBuilder.DropColumn(
                name: "ProofOfUseDueOn",
                table: "grants");

            migrationBuilder.DropColumn(
                name: "ProofOfUseOverdueSince",
                table: "grants");

            migrationBuilder.DropColumn(
                name: "ProofOfUseRemindersSent",
                table: "grants");

            migrationBuilder.DropColumn(
                name: "ProofOfUseSubmittedAt",
                table: "grants");

            migrationBuilder.DropColumn(
                name: "Rates_AdministrativeCentsPerFteYear",
                table: "grants");

            migrationBuilder.DropColumn(
                name: "Rates_SpecialistCentsPerFteYear",
                table: "grants");

            migrationBuilder.DropColumn(
                name: "Rates_SupportCentsPerFteYear",
                table: "grants");

            migrationBuilder.DropColumn(
                name: "AmountCents",
                table: "grant_steps");

            migrationBuilder.DropColumn(
                name: "EffectiveOn",
                table: "grant_steps");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "grant_steps");

            migrationBuilder.DropColumn(
                name: "FixedTranches",
                table: "funding_periods");
        }
    }
}
