using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Shared.Data.Migrations
{
    /// <summary>
    /// Product row versions (optimistic concurrency for the editor and the admin API), the price a shopper was shown
    /// per cart line, reviews hidden by the store when their order is cancelled or refunded, and one default address
    /// per customer enforced by a unique filtered index. Existing cart lines take the current price as the one shown;
    /// address books left with several defaults (or none) by the old check-then-act race keep the latest one.
    /// </summary>
    public partial class IntegrityRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SystemHidden",
                table: "Reviews",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Products",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ShownPriceCents",
                table: "CartItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql("""
                UPDATE "CartItems" SET "ShownPriceCents" = (SELECT "PriceCents" FROM "Products" WHERE "Products"."Id" = "CartItems"."ProductId");
                UPDATE "Addresses" SET "IsDefault" = 0
                 WHERE "IsDefault" AND "Id" NOT IN (SELECT MAX("Id") FROM "Addresses" WHERE "IsDefault" GROUP BY "UserId");
                UPDATE "Addresses" SET "IsDefault" = 1
                 WHERE "Id" IN (SELECT MAX("Id") FROM "Addresses" GROUP BY "UserId")
                   AND "UserId" NOT IN (SELECT "UserId" FROM "Addresses" WHERE "IsDefault");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_UserId_Default",
                table: "Addresses",
                column: "UserId",
                unique: true,
                filter: "\"IsDefault\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Addresses_UserId_Default",
                table: "Addresses");

            migrationBuilder.DropColumn(
                name: "SystemHidden",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "ShownPriceCents",
                table: "CartItems");
        }
    }
}
