using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiPlatform.Funding.Migrations
{
    /// <inheritdoc />
    public partial class RowVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "funding_periods",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "funding_periods");
        }
    }
}
