using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiPlatform.Staffing.Migrations
{
    /// <inheritdoc />
    public partial class PostPlanLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_posts_Ags",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "Ags",
                table: "posts");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosesAfter",
                table: "posts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OpensOn",
                table: "posts",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<Guid>(
                name: "PostPlanId",
                table: "posts",
                type: "uuid",
                nullable: true);

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
                name: "occupancies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ShareMilli = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    SecondmentReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    VacateReason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    PostId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_occupancies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_occupancies_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "post_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Ags = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    MunicipalityDisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GovernmentDistrict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HeadStaffId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DeputyHeadStaffId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_post_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_periods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PostPlanId = table.Column<Guid>(type: "uuid", nullable: true),
                    Approved_AdministrationMilli = table.Column<int>(type: "integer", nullable: false),
                    Approved_SpecialistMilli = table.Column<int>(type: "integer", nullable: false),
                    Approved_SupportMilli = table.Column<int>(type: "integer", nullable: false),
                    Approved_TeacherMilli = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_periods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_periods_post_plans_PostPlanId",
                        column: x => x.PostPlanId,
                        principalTable: "post_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_posts_PostPlanId",
                table: "posts",
                column: "PostPlanId");

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_created_at",
                table: "idempotency_records",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_occupancies_PostId",
                table: "occupancies",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_occupancies_StaffId",
                table: "occupancies",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_periods_PeriodId",
                table: "plan_periods",
                column: "PeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_periods_PostPlanId_PeriodId",
                table: "plan_periods",
                columns: new[] { "PostPlanId", "PeriodId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_post_plans_Ags",
                table: "post_plans",
                column: "Ags",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_post_plans_GovernmentDistrict",
                table: "post_plans",
                column: "GovernmentDistrict");

            migrationBuilder.AddForeignKey(
                name: "FK_posts_post_plans_PostPlanId",
                table: "posts",
                column: "PostPlanId",
                principalTable: "post_plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_posts_post_plans_PostPlanId",
                table: "posts");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "occupancies");

            migrationBuilder.DropTable(
                name: "plan_periods");

            migrationBuilder.DropTable(
                name: "post_plans");

            migrationBuilder.DropIndex(
                name: "IX_posts_PostPlanId",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "ClosesAfter",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "OpensOn",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "PostPlanId",
                table: "posts");

            migrationBuilder.AddColumn<string>(
                name: "Ags",
                table: "posts",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_posts_Ags",
                table: "posts",
                column: "Ags");
        }
    }
}
