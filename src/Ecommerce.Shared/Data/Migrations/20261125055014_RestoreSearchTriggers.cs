using Ecommerce.Shared.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Shared.Data.Migrations
{
    /// <summary>
    /// The BackOffice migration rebuilt the Products table (to make SKUs case-insensitive); SQLite runs such rebuilds
    /// at the end of a migration and drops the table's triggers with it. This one puts the search-index triggers back
    /// and refills the index, so it matches the products exactly.
    /// </summary>
    public partial class RestoreSearchTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(ProductSearchIndex.TriggersSql + ProductSearchIndex.RefillSql);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
