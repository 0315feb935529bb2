using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiPlatform.Applications.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "KiApprovedAt",
                table: "municipalities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Ags = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PeriodId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    DocumentsRequest = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StepCount = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Content_ConceptAdoptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Content_ConceptPlan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Content_ConceptPlannedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    Content_ContactEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Content_ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Content_CouncilResolutionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Content_CrossCuttingPriority = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Content_EducationPriority = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Content_OrganisationalPlacement = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Content_RequestedPosts_Administrative = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: false),
                    Content_RequestedPosts_Specialist = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: false),
                    Content_RequestedPosts_Support = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: false),
                    Content_RequestedPosts_Teacher = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: false),
                    MaisSignOff_At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MaisSignOff_By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MaisSignOff_Approved_Administrative = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: true),
                    MaisSignOff_Approved_Specialist = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: true),
                    MaisSignOff_Approved_Support = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: true),
                    MaisSignOff_Approved_Teacher = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: true),
                    MswSignOff_At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MswSignOff_By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MswSignOff_Approved_Administrative = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: true),
                    MswSignOff_Approved_Specialist = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: true),
                    MswSignOff_Approved_Support = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: true),
                    MswSignOff_Approved_Teacher = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    response = table.Column<byte[]>(type: "bytea", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_records", x => new { x.scope, x.request_id });
                });

            migrationBuilder.CreateTable(
                name: "period_post_caps",
                columns: table => new
                {
                    PeriodId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TeacherFte = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: false),
                    SpecialistFte = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: false),
                    AdministrativeFte = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: false),
                    SupportFte = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_period_post_caps", x => x.PeriodId);
                });

            migrationBuilder.CreateTable(
                name: "application_documents",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    AttachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AttachedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_documents", x => new { x.ApplicationId, x.Position });
                    table.ForeignKey(
                        name: "FK_application_documents_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_steps",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Ags = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Action = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_steps", x => new { x.ApplicationId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_application_steps_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_application_steps_Ags_At",
                table: "application_steps",
                columns: new[] { "Ags", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_Status",
                table: "applications",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "ux_applications_open_per_municipality_and_period",
                table: "applications",
                columns: new[] { "Ags", "PeriodId" },
                unique: true,
                filter: "\"Status\" NOT IN ('Rejected', 'Withdrawn')");

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_created_at",
                table: "idempotency_records",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_documents");

            migrationBuilder.DropTable(
                name: "application_steps");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "period_post_caps");

            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropColumn(
                name: "KiApprovedAt",
                table: "municipalities");
        }
    }
}
