using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Ecommerce.Shared.Audit;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Catalog;

/// <summary>
/// CSV export of a filtered product list and CSV import that creates or updates products by SKU. Each imported row
/// is validated and saved on its own, so a bad row is reported and changes nothing, and the good rows still apply.
/// </summary>
public sealed class ProductCsvService(
    IDbContextFactory<AppDbContext> dbFactory,
    ProductAdminService products,
    CategoryDirectory categories,
    AuditLog audit)
{
    public const int MaxImportRows = 20_000;

    /// <summary>The columns, in export order. An import needs <c>sku</c>; other columns are optional.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["sku", "name", "slug", "category", "price", "compareAtPrice", "stock", "status", "featured", "tags", "description"];

    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        MissingFieldFound = null,
        HeaderValidated = null,
        BadDataFound = null,
        TrimOptions = TrimOptions.Trim,
    };

    /// <summary>Writes every product the query matches (all pages) as CSV (UTF-8).</summary>
    public async Task ExportAsync(AdminProductQuery query, Stream output, CancellationToken cancellationToken = default)
    {
        var directory = await categories.GetAsync(cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await using var csv = new CsvWriter(writer, Config);
        foreach (var column in Columns) csv.WriteField(column);
        await csv.NextRecordAsync();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = await products.FilterAsync(db, query, cancellationToken);
        await foreach (var p in filtered.OrderBy(p => p.Id)
                           .Select(p => new { p.Sku, p.Name, p.Slug, p.CategoryId, p.PriceCents, p.CompareAtPriceCents, p.Stock, p.Status, p.IsFeatured, p.Tags, p.Description })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.WriteField(GuardFormula(p.Sku));
            csv.WriteField(GuardFormula(p.Name));
            csv.WriteField(p.Slug);
            csv.WriteField(p.CategoryId is { } id ? directory.ById(id)?.Slug : "");
            csv.WriteField(new Money(p.PriceCents).ToString());
            csv.WriteField(p.CompareAtPriceCents is { } c ? new Money(c).ToString() : "");
            csv.WriteField(p.Stock.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(p.Status.ToString().ToLowerInvariant());
            csv.WriteField(p.IsFeatured ? "true" : "false");
            csv.WriteField(GuardFormula(string.Join('|', p.Tags)));
            csv.WriteField(GuardFormula(p.Description));
            await csv.NextRecordAsync();
        }
    }

    /// <summary>
    /// A text value as the export writes it: one that a spreadsheet would run as a formula (starting with =, +, -, @,
    /// a tab or a carriage return) gets a leading apostrophe, which spreadsheets show as text and the import drops.
    /// </summary>
    public static string GuardFormula(string value) => value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>A text value as the import reads it: the apostrophe <see cref="GuardFormula"/> added is dropped.</summary>
    public static string? UnguardFormula(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && FormulaStarts.Contains(value[1]) ? value[1..] : value;

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Creates or updates products by SKU from CSV; returns what happened to every row.</summary>
    public async Task<Result<ImportReport>> ImportAsync(AdminActor actor, Stream input, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, Config);
        if (!await csv.ReadAsync() || !csv.ReadHeader())
            return Error.Validation("file", "The file is empty: the first line must name the columns, e.g. sku,name,price,stock.");
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!header.Contains("sku")) return Error.Validation("file", "The first line must name the columns and include sku.");
        var unknown = header.Where(h => h.Length > 0 && !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
            return Error.Validation("file", $"Unknown column(s): {string.Join(", ", unknown)}. Known columns: {string.Join(", ", Columns)}.");

        var directory = await categories.GetAsync(cancellationToken);
        var rows = new List<ImportRow>();
        int created = 0, updated = 0;
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The record's first line: RawRow is its last one when a quoted value spans several lines.
            var line = csv.Parser.RawRow - csv.Parser.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
            if (rows.Count >= MaxImportRows)
            {
                rows.Add(new ImportRow(line, null, "error", [$"Only the first {MaxImportRows} rows are imported."]));
                break;
            }
            string? Field(string name) => header.Contains(name.ToLowerInvariant()) ? UnguardFormula(csv.GetField(name.ToLowerInvariant())) : null;
            var sku = Field("sku")?.Trim();
            if (string.IsNullOrEmpty(sku))
            {
                rows.Add(new ImportRow(line, null, "error", ["The sku is empty."]));
                continue;
            }

            var messages = new List<string>();
            var (row, present) = ParseRow(header, Field, directory, messages);
            if (messages.Count > 0)
            {
                rows.Add(new ImportRow(line, sku, "error", messages));
                continue;
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var existingId = await db.Products.Where(p => p.Sku == sku).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
            Result<ProductEdit> result;
            if (existingId is { } id)
            {
                // The columns the file has are the fields to change (the SKU names the product).
                result = await products.UpdateAsync(actor, id, row, cancellationToken);
            }
            else
            {
                var missing = new[] { "name", "price" }.Where(c => !present.Contains(c)).ToList();
                if (missing.Count > 0)
                {
                    rows.Add(new ImportRow(line, sku, "error", [$"A new product needs {string.Join(" and ", missing)}."]));
                    continue;
                }
                result = await products.CreateAsync(actor, row with { Sku = sku, Stock = row.Stock.Value ?? 0 }, cancellationToken);
            }

            if (result.Succeeded)
            {
                if (existingId is null) created++; else updated++;
                rows.Add(new ImportRow(line, sku, existingId is null ? "created" : "updated", []));
            }
            else
            {
                rows.Add(new ImportRow(line, sku, "error", result.Errors.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}").ToList()));
            }
        }

        var failed = rows.Count(r => r.Failed);
        await audit.RecordAsync(actor, "products.imported", "Product", null,
            $"Imported products from CSV: {created} created, {updated} updated, {failed} rows with errors", cancellationToken: cancellationToken);
        return new ImportReport(created, updated, failed, rows);
    }

    private static (ProductInput Input, HashSet<string> Present) ParseRow(
        List<string> header, Func<string, string?> field, CategoryDirectory.Snapshot directory, List<string> messages)
    {
        var present = new HashSet<string>(StringComparer.Ordinal) { "sku" };
        string? Text(string column)
        {
            if (!header.Contains(column.ToLowerInvariant())) return null;
            present.Add(column);
            return field(column);
        }
        decimal? Decimal(string column, bool allowEmpty)
        {
            var value = Text(column);
            if (value is null) return null;
            if (string.IsNullOrWhiteSpace(value))
            {
                if (!allowEmpty) messages.Add($"{column} is empty.");
                return null;
            }
            if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return number;
            messages.Add($"{column} '{value}' is not a number (use a dot for decimals, e.g. 19.99).");
            return null;
        }

        var name = Text("name");
        var slug = Text("slug");
        var price = Decimal("price", allowEmpty: false);
        var compareAt = Decimal("compareAtPrice", allowEmpty: true);
        int? stock = null;
        if (Text("stock") is { } stockText)
        {
            if (string.IsNullOrWhiteSpace(stockText)) messages.Add("stock is empty (write 0 when there is none).");
            else if (int.TryParse(stockText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)) stock = s;
            else messages.Add($"stock '{stockText}' is not a whole number.");
        }
        int? categoryId = null;
        if (Text("category") is { } categorySlug && !string.IsNullOrWhiteSpace(categorySlug))
        {
            if (directory.BySlug(categorySlug.Trim()) is { } category) categoryId = category.Id;
            else messages.Add($"There is no category with the slug '{categorySlug}'.");
        }
        var status = Text("status");
        if (status is { Length: 0 }) present.Remove("status");
        bool? featured = null;
        if (Text("featured") is { } featuredText)
        {
            if (featuredText.Length == 0) present.Remove("featured");
            else if (bool.TryParse(featuredText, out var f)) featured = f;
            else if (featuredText is "1" or "0") featured = featuredText == "1";
            else messages.Add($"featured '{featuredText}' must be true or false.");
        }
        var tags = Text("tags") is { } tagText ? tagText.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
        var description = Text("description");

        // CSV names some columns differently from the API's fields.
        if (present.Remove("category")) present.Add("categoryId");
        if (present.Remove("featured")) present.Add("isFeatured");
        if (slug is { Length: 0 }) present.Remove("slug");

        // Only the columns the file has (and fills, where empty means "keep") become fields to set.
        Optional<T> Column<T>(string field, T value) => present.Contains(field) ? new Optional<T>(value) : default;
        return (new ProductInput
        {
            Name = Column("name", name), Slug = Column("slug", slug), Price = Column("price", price), CompareAtPrice = Column("compareAtPrice", compareAt),
            Stock = Column("stock", stock), CategoryId = Column("categoryId", categoryId), Status = Column("status", status),
            IsFeatured = Column("isFeatured", featured), Tags = Column("tags", (IReadOnlyList<string>?)tags), Description = Column("description", description),
        }, present);
    }
}
