using Ecommerce.Shared.Customers;
using System.Globalization;
using Ecommerce.Shared.Audit;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Catalog;

/// <summary>
/// The back office's products: the grid (server-side paging, sorting and filtering that stays fast on 100,000
/// products), create and edit with validation, pictures, archive/restore/delete and bulk edits. Every change is
/// audited and refreshes the storefront's caches.
/// </summary>
public sealed class ProductAdminService(
    IDbContextFactory<AppDbContext> dbFactory,
    CategoryDirectory categories,
    ProductImageStore images,
    AuditLog audit,
    ICatalogChangeNotifier catalogChanged,
    IOptions<StoreSettings> store,
    IOptions<AdminOptions> backOffice,
    TimeProvider clock)
{
    public const int MaxBulkProducts = 5000;
    public const int MaxTags = 20;
    public const int MaxPairs = 30;
    public const decimal MaxPrice = Limits.Product.MaxPrice;
    public const int MaxStock = Limits.Product.MaxStock;
    /// <summary>The largest bulk price increase in percent (a typo guard: 10000 % is a hundred times the price).</summary>
    public const decimal MaxPercentChange = 10_000m;

    /// <summary>Products with this many or fewer in stock (and some) count as low (<c>Admin:LowStockThreshold</c>).</summary>
    public int LowStockThreshold => backOffice.Value.LowStockThreshold;

    public async Task<Result<PagedResult<AdminProductRow>>> ListAsync(AdminProductQuery query, CancellationToken cancellationToken = default)
    {
        var (pageNumber, pageSize) = (query.PageNumber, query.PageSize);
        if (Paging.Check(pageNumber, pageSize) is { Count: > 0 } invalid) return Result<PagedResult<AdminProductRow>>.Failure(invalid);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var products = await FilterAsync(db, query, cancellationToken);
        var total = await products.CountAsync(cancellationToken);
        var skip = (long)(pageNumber - 1) * pageSize;
        if (skip >= total) return new PagedResult<AdminProductRow>([], pageNumber, pageSize, total);

        var rows = await Sort(products, query).Skip((int)skip).Take(pageSize)
            .Select(p => new
            {
                p.Id, p.Name, p.Sku, p.Slug, p.CategoryId,
                CategoryName = p.Category != null ? p.Category.Name : null,
                p.PriceCents, p.CompareAtPriceCents, p.Stock, p.Status, p.IsFeatured,
                Image = p.Images.OrderByDescending(i => i.IsPrimary).ThenBy(i => i.SortOrder).Select(i => i.Url).FirstOrDefault(),
                p.UpdatedAt, p.Version,
            })
            .ToListAsync(cancellationToken);
        return new PagedResult<AdminProductRow>(
            rows.Select(r => new AdminProductRow(r.Id, r.Name, r.Sku, r.Slug, r.CategoryId, r.CategoryName, new Money(r.PriceCents),
                r.CompareAtPriceCents is { } c ? new Money(c) : null, r.Stock, r.Status, r.IsFeatured, r.Image, r.UpdatedAt, r.Version)).ToList(),
            pageNumber, pageSize, total);
    }

    /// <summary>A price changed by a percentage; the new price is rounded half away from zero to the cent (19.95 − 10 % = 17.955 → 17.96).</summary>
    public static Money PriceAfterPercent(Money price, decimal percent) => Money.FromDecimal(price.ToDecimal() * (100m + percent) / 100m);

    /// <summary>The ids of every product the query matches (for "select all" bulk edits and exports).</summary>
    public async Task<IReadOnlyList<int>> MatchingIdsAsync(AdminProductQuery query, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var products = await FilterAsync(db, query, cancellationToken);
        return await Sort(products, query).Select(p => p.Id).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task<ProductEdit?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.AsNoTracking().Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null) return null;
        var inOrders = await db.OrderLines.AnyAsync(l => l.ProductId == id, cancellationToken);
        return ToEdit(product, inOrders);
    }

    /// <summary>A free slug for a product name (adds -2, -3, … when taken).</summary>
    public async Task<string> SuggestSlugAsync(string? name, int? exceptId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Common.Slug.UniqueAsync(Common.Slug.From(name),
            candidate => db.Products.AnyAsync(p => p.Slug == candidate && p.Id != exceptId, cancellationToken));
    }

    public async Task<Result<ProductEdit>> CreateAsync(AdminActor actor, ProductInput input, CancellationToken cancellationToken = default)
    {
        input = input.Complete();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, input, existing: null, cancellationToken);
        if (errors.Count > 0) return Result<ProductEdit>.Failure(errors);

        var product = await db.InTransactionAsync(async ct =>
        {
            var created = new Product { Name = "", Slug = "", Sku = "", OwnerId = actor.UserId };
            await ApplyAsync(db, created, input, ct);
            db.Products.Add(created);
            await db.SaveChangesAsync(ct);
            audit.Record(db, actor, "product.created", "Product", Id(created.Id), $"Created product {created.Name} ({created.Sku})",
                new { created.Name, created.Sku, price = created.Price.ToDecimal(), created.Stock });
            await db.SaveChangesAsync(ct);
            return created;
        }, static _ => true, cancellationToken);
        await catalogChanged.CatalogChangedAsync(cancellationToken);
        return ToEdit(product, inOrders: false);
    }

    /// <summary>
    /// Changes the fields the input gives. Only those columns are written (with the version and UpdatedAt), so that
    /// stock taken by orders meanwhile is never written back. With <see cref="ProductInput.ExpectedVersion"/> an edit
    /// of a product someone else changed since is refused (CONFLICT, nothing written); with
    /// <see cref="ProductInput.ExpectedStock"/> a stock change is made only if the stock is still the one the caller saw.
    /// </summary>
    public async Task<Result<ProductEdit>> UpdateAsync(AdminActor actor, int id, ProductInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        List<string> picturesBefore = [];
        int? savedStock = null;
        // Edits of one product take turns (its row lock; on SQLite the transaction's write lock), so the product stays as
        // read until the commit: without an expected version the last save wins, with one a stale editor is refused.
        // Orders change only the stock, with a conditional update that never waits for more than the edit's commit.
        var updated = await db.InTransactionAsync<(Product Product, bool Changed)>(async ct =>
        {
            await db.Locks.LockRowAsync<Product>(db, id, ct);
            var product = await db.Products.Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (product is null) return ProductNotFound(id);
            if (input.ExpectedVersion is { } expected && expected != product.Version) return ChangedMeanwhile(product.Name, product.Version);
            var errors = await ValidateAsync(db, input, product, ct);
            if (errors.Count > 0) return Result<(Product, bool)>.Failure(errors);

            int? newStock = input.Stock.IsSet ? input.Stock.Value ?? 0 : null;
            if (newStock is not null && input.ExpectedStock is { } seen && seen != product.Stock) return StockChangedMeanwhile(product.Name, product.Stock, seen);

            var before = Snapshot(product);
            picturesBefore = product.Images.Select(i => i.Url).ToList();
            await ApplyAsync(db, product, input, ct, applyStock: false);
            var after = Snapshot(product);
            if (newStock is { } stock) after["stock"] = stock;
            var changes = AuditLog.Diff(before, after);
            if (changes.Count == 0) return (product, false);

            if (newStock is { } target && target != product.Stock)
            {
                // The stock is set apart from the tracked entity, conditionally when the caller said which stock it saw.
                var stockRow = db.Products.Where(p => p.Id == id);
                if (input.ExpectedStock is { } shown) stockRow = stockRow.Where(p => p.Stock == shown);
                if (await stockRow.ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, target), ct) == 0)
                    return StockChangedMeanwhile(product.Name, await CurrentStockAsync(db, id, ct), input.ExpectedStock ?? product.Stock);
            }
            product.Version++;
            audit.Record(db, actor, "product.updated", "Product", Id(id), $"Changed {string.Join(", ", changes.Keys)} of {product.Name}", changes);
            if (await TrySaveAsync(db, ct) is { } conflict) return conflict;
            savedStock = newStock;
            return (product, true);
        }, cancellationToken);
        if (!updated.Succeeded) return Result<ProductEdit>.Failure(updated.Errors);
        var (edited, changed) = updated.Value;
        if (changed)
        {
            if (savedStock is { } saved) db.Entry(edited).Property(p => p.Stock).CurrentValue = saved; // as the row now holds it
            // Uploaded pictures the new list leaves out are gone from the product: their files go too.
            foreach (var url in picturesBefore.Except(edited.Images.Select(i => i.Url))) images.Delete(url);
            await catalogChanged.CatalogChangedAsync(cancellationToken);
        }
        return ToEdit(edited, await db.OrderLines.AnyAsync(l => l.ProductId == id, cancellationToken));
    }

    /// <summary>Deletes a product that no order contains; a product in any order is archived instead.</summary>
    public async Task<Result<ProductRemoval>> DeleteAsync(AdminActor actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null) return ProductNotFound(id);

        ProductRemoval outcome;
        if (await db.OrderLines.AnyAsync(l => l.ProductId == id, cancellationToken))
        {
            if (product.Status == ProductStatus.Archived) return ProductRemoval.Archived; // already as it should be: nothing to record
            product.Status = ProductStatus.Archived;
            product.Version++;
            audit.Record(db, actor, "product.archived", "Product", Id(id), $"Archived {product.Name} (it appears in orders, so it is kept)");
            outcome = ProductRemoval.Archived;
        }
        else
        {
            db.Products.Remove(product);
            audit.Record(db, actor, "product.deleted", "Product", Id(id), $"Deleted product {product.Name} ({product.Sku})");
            outcome = ProductRemoval.Deleted;
        }
        if (await TrySaveAsync(db, cancellationToken) is { } conflict) return conflict;
        if (outcome == ProductRemoval.Deleted) images.DeleteAll(id);
        await catalogChanged.CatalogChangedAsync(cancellationToken);
        return outcome;
    }

    public Task<Result<int>> ArchiveAsync(AdminActor actor, int id, CancellationToken cancellationToken = default) =>
        BulkAsync(actor, [id], new BulkEdit.Archive(), cancellationToken);

    public Task<Result<int>> RestoreAsync(AdminActor actor, int id, CancellationToken cancellationToken = default) =>
        BulkAsync(actor, [id], new BulkEdit.Restore(), cancellationToken);

    /// <summary>Applies one change to every selected product, in one transaction; returns how many changed.</summary>
    public async Task<Result<int>> BulkAsync(AdminActor actor, IReadOnlyCollection<int> ids, BulkEdit edit, CancellationToken cancellationToken = default)
    {
        var selected = ids.Distinct().ToList();
        if (selected.Count == 0) return Error.Validation("ids", "Select at least one product.");
        if (selected.Count > MaxBulkProducts) return Error.Validation("ids", $"A bulk edit can change at most {MaxBulkProducts} products at once.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bulk = await db.InTransactionAsync<int>(async ct =>
        {
            var products = await db.Products.Where(p => selected.Contains(p.Id)).ToListAsync(ct);
            if (products.Count == 0) return Error.NotFound("None of the selected products exist any more.");

            string summary;
            object details;
            switch (edit)
            {
                case BulkEdit.SetPrice price:
                {
                    if (price.Percent && price.Value is < -100 or > MaxPercentChange)
                        return Error.Validation("value", $"A change by percent must be between -100 and {MaxPercentChange} %.");
                    if (!price.Percent && decimal.Round(price.Value, 2) != price.Value)
                        return Error.Validation("value", "A price can have at most two decimals.");
                    var changed = new List<object>();
                    foreach (var product in products)
                    {
                        var was = product.Price;
                        var now = price.Percent ? PriceAfterPercent(was, price.Value) : Money.FromDecimal(price.Value);
                        if (now.Cents < 0) return Error.Validation("value", $"The new price of {product.Name} would be below zero.");
                        if (now.ToDecimal() > MaxPrice) return Error.Validation("value", $"The new price of {product.Name} would be above {MaxPrice:0}.");
                        product.PriceCents = now.Cents;
                        changed.Add(new { product.Id, product.Sku, from = was.ToDecimal(), to = now.ToDecimal() });
                    }
                    summary = price.Percent
                        ? $"Changed the price of {products.Count} products by {price.Value.ToString("0.##", CultureInfo.InvariantCulture)} %"
                        : $"Set the price of {products.Count} products to {store.Value.FormatPrice(Money.FromDecimal(price.Value))}";
                    details = changed;
                    break;
                }
                case BulkEdit.SetStock stock:
                    if (stock.Stock < 0) return Error.Validation("value", "Stock must be 0 or more.");
                    if (stock.Stock > MaxStock) return Error.Validation("value", $"Stock can be at most {MaxStock}.");
                    details = products.Select(p => new { p.Id, p.Sku, from = p.Stock, to = stock.Stock }).ToList();
                    foreach (var product in products) product.Stock = stock.Stock;
                    summary = $"Set the stock of {products.Count} products to {stock.Stock}";
                    break;
                case BulkEdit.SetCategory category:
                    string categoryName = "no category";
                    if (category.CategoryId is { } categoryId)
                    {
                        var target = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId, ct);
                        if (target is null) return Error.Validation("categoryId", "That category does not exist.");
                        categoryName = target.Name;
                    }
                    details = products.Select(p => new { p.Id, p.Sku, from = p.CategoryId, to = category.CategoryId }).ToList();
                    foreach (var product in products) product.CategoryId = category.CategoryId;
                    summary = $"Moved {products.Count} products to {categoryName}";
                    break;
                case BulkEdit.Archive:
                    details = products.Select(p => new { p.Id, p.Sku }).ToList();
                    foreach (var product in products) product.Status = ProductStatus.Archived;
                    summary = products.Count == 1 ? $"Archived {products[0].Name}" : $"Archived {products.Count} products";
                    break;
                case BulkEdit.Restore:
                    details = products.Select(p => new { p.Id, p.Sku }).ToList();
                    foreach (var product in products) product.Status = ProductStatus.Active;
                    summary = products.Count == 1 ? $"Restored {products[0].Name}" : $"Restored {products.Count} products";
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(edit));
            }

            var action = edit switch
            {
                BulkEdit.SetPrice => "products.price-changed",
                BulkEdit.SetStock => "products.stock-set",
                BulkEdit.SetCategory => "products.category-set",
                BulkEdit.Archive => "products.archived",
                _ => "products.restored",
            };
            db.ChangeTracker.DetectChanges();
            foreach (var changed in db.ChangeTracker.Entries<Product>().Where(e => e.State == EntityState.Modified)) changed.Entity.Version++;
            audit.Record(db, actor, action, "Product", products.Count == 1 ? Id(products[0].Id) : null, summary, details);
            if (await TrySaveAsync(db, ct) is { } conflict) return conflict;
            return products.Count;
        }, cancellationToken);
        if (bulk.Succeeded) await catalogChanged.CatalogChangedAsync(cancellationToken);
        return bulk;
    }

    /// <summary>Adds an uploaded picture (checked to be JPEG, PNG or WebP); the first picture becomes primary.</summary>
    public async Task<Result<AdminImage>> AddImageAsync(AdminActor actor, int productId, Stream content, string? alt, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RefusePictureAsync(db, productId, cancellationToken) is { } refused) return refused; // before a file is written

        var saved = await images.SaveAsync(productId, content, cancellationToken);
        if (!saved.Succeeded) return Result<AdminImage>.Failure(saved.Errors);
        try
        {
            var added = await db.InTransactionAsync<ProductImage>(async ct =>
            {
                // The product's lock, then the count again: parallel uploads take turns, so none passes the limit.
                await db.Locks.LockRowAsync<Product>(db, productId, ct);
                if (await RefusePictureAsync(db, productId, ct) is { } full) return full;
                var product = await db.Products.Include(p => p.Images).FirstAsync(p => p.Id == productId, ct);
                var image = new ProductImage
                {
                    ProductId = productId,
                    Url = saved.Value,
                    AltText = string.IsNullOrWhiteSpace(alt) ? product.Name : alt.Trim()[..Math.Min(alt.Trim().Length, Limits.Product.ImageAlt)],
                    IsPrimary = product.Images.Count == 0,
                    SortOrder = product.Images.Count == 0 ? 0 : product.Images.Max(i => i.SortOrder) + 1,
                };
                product.Images.Add(image);
                audit.Record(db, actor, "product.image-added", "Product", Id(productId), $"Added a picture to {product.Name}", new { image.Url });
                if (!await SavePicturesAsync(db, productId, ct)) return PicturesChangedMeanwhile();
                return image;
            }, cancellationToken);
            if (!added.Succeeded)
            {
                images.Delete(saved.Value);
                return Result<AdminImage>.Failure(added.Errors);
            }
            await catalogChanged.CatalogChangedAsync(cancellationToken);
            var picture = added.Value;
            return new AdminImage(picture.Id, picture.Url, picture.AltText, picture.IsPrimary, picture.SortOrder);
        }
        catch
        {
            images.Delete(saved.Value); // no row points at the file: it must not stay behind
            throw;
        }
    }

    /// <summary>Sets the pictures' order (first = shown first), alt texts and the primary one, in one step.</summary>
    public async Task<Result<IReadOnlyList<AdminImage>>> UpdateImagesAsync(
        AdminActor actor, int productId, IReadOnlyList<(int ImageId, string? Alt)> ordered, int primaryImageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var arranged = await db.InTransactionAsync<IReadOnlyList<AdminImage>>(async ct =>
        {
            await db.Locks.LockRowAsync<Product>(db, productId, ct); // picture changes of one product take turns
            var product = await db.Products.Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == productId, ct);
            if (product is null) return ProductNotFound(productId);
            if (ordered.Count != product.Images.Count || ordered.Select(o => o.ImageId).Distinct().Count() != ordered.Count
                || ordered.Select(o => o.ImageId).Except(product.Images.Select(i => i.Id)).Any())
                return PicturesChangedMeanwhile();
            if (product.Images.All(i => i.Id != primaryImageId)) return Error.Validation("primary", "Choose one of the product's pictures as the primary one.");

            for (var position = 0; position < ordered.Count; position++)
            {
                var image = product.Images.First(i => i.Id == ordered[position].ImageId);
                image.SortOrder = position;
                image.IsPrimary = image.Id == primaryImageId;
                var alt = ordered[position].Alt?.Trim() ?? "";
                if (alt.Length > Limits.Product.ImageAlt) return Error.Validation("alt", $"Alt text can be at most {Limits.Product.ImageAlt} characters.");
                image.AltText = alt;
            }
            audit.Record(db, actor, "product.images-updated", "Product", Id(productId), $"Rearranged the pictures of {product.Name}");
            if (!await SavePicturesAsync(db, productId, ct)) return PicturesChangedMeanwhile();
            return product.Images.OrderBy(i => i.SortOrder).Select(ToImage).ToList();
        }, cancellationToken);
        if (arranged.Succeeded) await catalogChanged.CatalogChangedAsync(cancellationToken);
        return arranged;
    }

    /// <summary>Removes a picture; when it was primary, the next one becomes primary.</summary>
    public async Task<Result> RemoveImageAsync(AdminActor actor, int productId, int imageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var removed = await db.InTransactionAsync<string>(async ct =>
        {
            await db.Locks.LockRowAsync<Product>(db, productId, ct); // picture changes of one product take turns
            var product = await db.Products.Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == productId, ct);
            if (product is null) return ProductNotFound(productId);
            var image = product.Images.FirstOrDefault(i => i.Id == imageId);
            if (image is null) return Error.NotFound($"Picture {imageId} not found");

            product.Images.Remove(image);
            db.ProductImages.Remove(image);
            if (image.IsPrimary && product.Images.OrderBy(i => i.SortOrder).FirstOrDefault() is { } next) next.IsPrimary = true;
            audit.Record(db, actor, "product.image-removed", "Product", Id(productId), $"Removed a picture of {product.Name}", new { image.Url });
            if (!await SavePicturesAsync(db, productId, ct)) return PicturesChangedMeanwhile();
            return image.Url;
        }, cancellationToken);
        if (!removed.Succeeded) return Result.Failure(removed.Errors);
        images.Delete(removed.Value);
        await catalogChanged.CatalogChangedAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>Why a picture cannot be added to the product now (it does not exist, or has the most pictures); null when it can.</summary>
    private static async Task<Error?> RefusePictureAsync(AppDbContext db, int productId, CancellationToken cancellationToken)
    {
        var pictures = await db.Products.Where(p => p.Id == productId).Select(p => (int?)p.Images.Count).FirstOrDefaultAsync(cancellationToken);
        return pictures switch
        {
            null => ProductNotFound(productId),
            >= 20 => Error.Validation("image", "A product can have at most 20 pictures."),
            _ => null,
        };
    }

    /// <summary>
    /// Saves a change of the product's pictures (inside the caller's transaction, which began before they were read)
    /// and stamps the product's UpdatedAt with a targeted update: the product row itself is not written back (its
    /// stock may have moved since it was read), and its version stays, so that the editor's picture panel never makes
    /// the editor's own save a conflict. False when a picture changed meanwhile (nothing saved).
    /// </summary>
    private async Task<bool> SavePicturesAsync(AppDbContext db, int productId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, now), cancellationToken);
        return true;
    }

    private static Error PicturesChangedMeanwhile() => Error.Conflict("The pictures changed meanwhile; reload the product.");

    /// <summary>Saves tracked product changes; when a product's version moved on meanwhile nothing is saved and the answer is a CONFLICT.</summary>
    private static async Task<Error?> TrySaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException exception)
        {
            var product = exception.Entries.Select(e => e.Entity).OfType<Product>().FirstOrDefault();
            var current = product is null ? null
                : await db.Products.AsNoTracking().Where(p => p.Id == product.Id).Select(p => (long?)p.Version).FirstOrDefaultAsync(cancellationToken);
            return ChangedMeanwhile(product?.Name ?? "A selected product", current);
        }
    }

    private static Task<int> CurrentStockAsync(AppDbContext db, int id, CancellationToken cancellationToken) =>
        db.Products.AsNoTracking().Where(p => p.Id == id).Select(p => p.Stock).FirstAsync(cancellationToken);

    /// <summary>The answer to an edit of a product that someone else changed since the caller loaded it.</summary>
    public static Error ChangedMeanwhile(string name, long? currentVersion) =>
        new Error(ErrorCodes.Conflict,
            $"Someone else changed {name} while you were editing it, so nothing was saved. Reload the product to see their changes, then save yours over them.",
            "version")
        {
            Details = currentVersion is { } version ? new Dictionary<string, object> { ["currentVersion"] = version } : null,
        };

    /// <summary>The answer to a stock change made against a stock that orders (or someone) have changed since.</summary>
    private static Error StockChangedMeanwhile(string name, int currentStock, int seenStock) =>
        new Error(ErrorCodes.Conflict,
            $"The stock of {name} is {currentStock} now, not {seenStock}: orders or someone else changed it since you loaded the product. " +
            "Nothing was saved; check the stock and save again.",
            "stock")
        {
            Details = new Dictionary<string, object> { ["currentStock"] = currentStock },
        };

    internal async Task<IQueryable<Product>> FilterAsync(AppDbContext db, AdminProductQuery query, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking();
        if (query.Status is { } status) products = products.Where(p => p.Status == status);
        if (query.CategoryId is { } categoryId)
        {
            var ids = (await categories.GetAsync(cancellationToken)).SelfAndDescendantIds(categoryId);
            products = products.Where(p => p.CategoryId != null && ids.Contains(p.CategoryId.Value));
        }
        products = query.Stock switch
        {
            StockFilter.InStock => products.Where(p => p.Stock > 0),
            StockFilter.Low => products.Where(p => p.Stock > 0 && p.Stock <= LowStockThreshold),
            StockFilter.Out => products.Where(p => p.Stock <= 0),
            _ => products,
        };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            var terms = CatalogService.SearchTerms(text);
            if (terms.Count > 0)
            {
                var matches = db.ProductSearch.MatchingIds(db, terms, exactSku: text);
                products = products.Where(p => matches.Contains(p.Id));
            }
            else
            {
                products = products.Where(p => p.Sku == text);
            }
        }
        return products;
    }

    private static IQueryable<Product> Sort(IQueryable<Product> products, AdminProductQuery query) =>
        (query.SortBy.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => products.OrderBy(p => p.Name).ThenBy(p => p.Id),
            ("name", true) => products.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id),
            ("sku", false) => products.OrderBy(p => p.Sku),
            ("sku", true) => products.OrderByDescending(p => p.Sku),
            ("price", false) => products.OrderBy(p => p.PriceCents).ThenBy(p => p.Id),
            ("price", true) => products.OrderByDescending(p => p.PriceCents).ThenByDescending(p => p.Id),
            ("stock", false) => products.OrderBy(p => p.Stock).ThenBy(p => p.Id),
            ("stock", true) => products.OrderByDescending(p => p.Stock).ThenByDescending(p => p.Id),
            ("createdat", false) => products.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            ("createdat", true) => products.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
            (_, false) => products.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id),
            _ => products.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id),
        };

    /// <summary>Every failing field of the input (those it gives, for a partial update), named as the API names them.</summary>
    internal async Task<List<Error>> ValidateAsync(AppDbContext db, ProductInput input, Product? existing, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var id = existing?.Id;

        if (input.Name.IsSet)
        {
            if (string.IsNullOrWhiteSpace(input.Name.Value)) errors.Add(new Error(ErrorCodes.RequiredField, "Name is required.", "name"));
            else if (input.Name.Value.Trim().Length > Limits.Product.Name) errors.Add(Error.Validation("name", $"Name can be at most {Limits.Product.Name} characters."));
            else TextRules.CheckName(input.Name.Value, "name", "Name", errors);
        }
        if (input.Sku.IsSet)
        {
            var sku = input.Sku.Value?.Trim();
            if (string.IsNullOrEmpty(sku)) errors.Add(new Error(ErrorCodes.RequiredField, "SKU is required.", "sku"));
            else if (sku.Length > Limits.Product.Sku) errors.Add(Error.Validation("sku", $"SKU can be at most {Limits.Product.Sku} characters."));
            else if (sku.Any(char.IsWhiteSpace)) errors.Add(Error.Validation("sku", "SKU cannot contain spaces."));
            else if (await db.Products.AnyAsync(p => p.Sku == sku && p.Id != id, cancellationToken))
                errors.Add(Error.AlreadyExists("sku", $"Another product already has the SKU '{sku}'."));
        }
        if (input.Slug.IsSet && !string.IsNullOrWhiteSpace(input.Slug.Value))
        {
            var slug = input.Slug.Value.Trim();
            if (slug.Length > Limits.Product.Slug) errors.Add(Error.Validation("slug", $"A slug can be at most {Limits.Product.Slug} characters."));
            else if (!Common.Slug.IsValid(slug)) errors.Add(Error.Validation("slug", "A slug is lower-case letters, digits and single hyphens, e.g. blue-ceramic-mug."));
            else if (await db.Products.AnyAsync(p => p.Slug == slug && p.Id != id, cancellationToken))
                errors.Add(Error.AlreadyExists("slug", $"Another product already uses the slug '{slug}'."));
        }
        if (input.Price.IsSet)
        {
            if (input.Price.Value is null) errors.Add(new Error(ErrorCodes.RequiredField, "Price is required.", "price"));
            else if (input.Price.Value < 0) errors.Add(Error.Validation("price", "Price cannot be negative."));
            else if (input.Price.Value > MaxPrice) errors.Add(Error.Validation("price", $"Price can be at most {MaxPrice:0}."));
            else if (decimal.Round(input.Price.Value.Value, 2) != input.Price.Value) errors.Add(Error.Validation("price", "Price can have at most two decimals."));
        }
        if (input.CompareAtPrice.IsSet && input.CompareAtPrice.Value is { } compareAt)
        {
            if (compareAt < 0) errors.Add(Error.Validation("compareAtPrice", "Compare-at price cannot be negative."));
            else if (compareAt > MaxPrice) errors.Add(Error.Validation("compareAtPrice", $"Compare-at price can be at most {MaxPrice:0}."));
            else if (decimal.Round(compareAt, 2) != compareAt) errors.Add(Error.Validation("compareAtPrice", "Compare-at price can have at most two decimals."));
        }
        if (input.Stock.IsSet && input.Stock.Value is { } stock && stock is < 0 or > MaxStock)
            errors.Add(Error.Validation("stock", stock < 0 ? "Stock cannot be negative." : $"Stock can be at most {MaxStock}."));
        else if (input.Stock is { IsSet: true, Value: null })
            errors.Add(new Error(ErrorCodes.RequiredField, "Stock is required (0 when there is none).", "stock")); // a change never empties it to 0 silently
        if (input.CategoryId.IsSet && input.CategoryId.Value is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
            errors.Add(Error.Validation("categoryId", "That category does not exist."));
        if (input.Description.IsSet && input.Description.Value?.Length > Limits.Product.Description)
            errors.Add(Error.Validation("description", $"The short description can be at most {Limits.Product.Description} characters."));
        if (input.LongDescription.IsSet && input.LongDescription.Value?.Length > Limits.Product.LongDescription)
            errors.Add(Error.Validation("longDescription", $"The description can be at most {Limits.Product.LongDescription} characters."));
        if (input.SeoTitle.IsSet && input.SeoTitle.Value?.Trim().Length > Limits.Product.SeoTitle)
            errors.Add(Error.Validation("seoTitle", $"The search engine title can be at most {Limits.Product.SeoTitle} characters."));
        if (input.SeoDescription.IsSet && input.SeoDescription.Value?.Trim().Length > Limits.Product.SeoDescription)
            errors.Add(Error.Validation("seoDescription", $"The search engine description can be at most {Limits.Product.SeoDescription} characters."));
        if (input.Tags.IsSet && input.Tags.Value is { } tags)
        {
            var clean = CleanTags(tags);
            if (clean.Count > MaxTags) errors.Add(Error.Validation("tags", $"At most {MaxTags} tags."));
            if (clean.Any(t => t.Length > Limits.Product.Tag)) errors.Add(Error.Validation("tags", $"A tag can be at most {Limits.Product.Tag} characters."));
            if (clean.Any(t => t.Contains('|'))) errors.Add(Error.Validation("tags", "A tag cannot contain | (it separates tags in CSV files)."));
        }
        ValidatePairs(input.Attributes.IsSet ? input.Attributes.Value : null, "attributes", "attribute", errors);
        ValidatePairs(input.Specifications.IsSet ? input.Specifications.Value : null, "specifications", "specification", errors);
        if (input.Status.IsSet && input.Status.Value is not null && ParseStatus(input.Status.Value) is null)
            errors.Add(Error.Validation("status", "Status must be active or archived."));
        if (input.Images.IsSet && input.Images.Value is { } imageList)
        {
            if (imageList.Count > 20) errors.Add(Error.Validation("images", "A product can have at most 20 pictures."));
            if (imageList.Any(i => string.IsNullOrWhiteSpace(i.Url) || i.Url.Length > Limits.Product.ImageUrl || !IsImageUrl(i.Url)))
                errors.Add(Error.Validation("images", "Each picture needs a url: a site path (/media/…) or an http(s) address."));
            if (imageList.Count(i => i.IsPrimary) > 1) errors.Add(Error.Validation("images", "Only one picture can be primary."));
        }
        return errors;
    }

    /// <summary>Copies the given fields onto the entity; an update sets the stock apart (<paramref name="applyStock"/> false).</summary>
    private async Task ApplyAsync(AppDbContext db, Product product, ProductInput input, CancellationToken cancellationToken, bool applyStock = true)
    {
        if (input.Name.IsSet) product.Name = input.Name.Value!.Trim();
        if (input.Sku.IsSet) product.Sku = input.Sku.Value!.Trim();
        if (input.Slug.IsSet || product.Slug.Length == 0)
        {
            product.Slug = !string.IsNullOrWhiteSpace(input.Slug.Value) ? input.Slug.Value.Trim()
                : product.Slug.Length > 0 && !input.Slug.IsSet ? product.Slug
                : await Common.Slug.UniqueAsync(Common.Slug.From(product.Name),
                    candidate => db.Products.AnyAsync(p => p.Slug == candidate && p.Id != product.Id, cancellationToken));
        }
        if (input.Description.IsSet) product.Description = input.Description.Value?.Trim() ?? "";
        if (input.LongDescription.IsSet) product.LongDescription = string.IsNullOrWhiteSpace(input.LongDescription.Value) ? null : input.LongDescription.Value.Trim();
        if (input.Price.IsSet) product.PriceCents = Money.FromDecimal(input.Price.Value!.Value).Cents;
        if (input.CompareAtPrice.IsSet) product.CompareAtPriceCents = input.CompareAtPrice.Value is { } c ? Money.FromDecimal(c).Cents : null;
        if (applyStock && input.Stock.IsSet) product.Stock = input.Stock.Value ?? 0;
        if (input.CategoryId.IsSet) product.CategoryId = input.CategoryId.Value;
        if (input.Tags.IsSet) product.Tags = CleanTags(input.Tags.Value ?? []);
        if (input.Attributes.IsSet)
            product.Attributes = (input.Attributes.Value ?? []).Select(a => new ProductAttribute { Name = a.Name.Trim(), Value = a.Value.Trim() }).ToList();
        if (input.Specifications.IsSet)
            product.Specifications = (input.Specifications.Value ?? []).Select(a => new ProductSpecification { Name = a.Name.Trim(), Value = a.Value.Trim() }).ToList();
        if (input.IsFeatured.IsSet) product.IsFeatured = input.IsFeatured.Value ?? false;
        if (input.SeoTitle.IsSet) product.SeoTitle = string.IsNullOrWhiteSpace(input.SeoTitle.Value) ? null : input.SeoTitle.Value.Trim();
        if (input.SeoDescription.IsSet) product.SeoDescription = string.IsNullOrWhiteSpace(input.SeoDescription.Value) ? null : input.SeoDescription.Value.Trim();
        if (input.Status.IsSet && ParseStatus(input.Status.Value) is { } status) product.Status = status;
        if (input.Images.IsSet && input.Images.Value is { } imageList)
        {
            product.Images.Clear();
            var primary = imageList.Any(i => i.IsPrimary) ? imageList.First(i => i.IsPrimary) : imageList.FirstOrDefault();
            product.Images.AddRange(imageList.Select((i, position) => new ProductImage
            {
                Url = i.Url.Trim(),
                AltText = string.IsNullOrWhiteSpace(i.Alt) ? product.Name : i.Alt.Trim(),
                IsPrimary = ReferenceEquals(i, primary),
                SortOrder = position,
            }));
        }
    }

    private static void ValidatePairs(IReadOnlyList<NameValue>? pairs, string field, string label, List<Error> errors)
    {
        if (pairs is null) return;
        if (pairs.Count > MaxPairs) errors.Add(Error.Validation(field, $"At most {MaxPairs} {label}s."));
        if (pairs.Any(p => string.IsNullOrWhiteSpace(p.Name) || string.IsNullOrWhiteSpace(p.Value)))
            errors.Add(Error.Validation(field, $"Every {label} needs a name and a value."));
        if (pairs.Any(p => p.Name?.Length > Limits.Product.AttributeName || p.Value?.Length > Limits.Product.AttributeValue))
            errors.Add(Error.Validation(field, $"An {label}'s name can be at most {Limits.Product.AttributeName} and its value {Limits.Product.AttributeValue} characters."));
    }

    /// <summary>Tags as the store keeps them: trimmed, lower-case, no empty ones, no repeats.</summary>
    public static List<string> CleanTags(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();

    public static ProductStatus? ParseStatus(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "active" => ProductStatus.Active,
        "archived" => ProductStatus.Archived,
        _ => null,
    };

    private static bool IsImageUrl(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        || Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static Dictionary<string, object?> Snapshot(Product p) => new()
    {
        ["name"] = p.Name, ["slug"] = p.Slug, ["sku"] = p.Sku, ["description"] = p.Description, ["longDescription"] = p.LongDescription,
        ["price"] = p.Price.ToDecimal(), ["compareAtPrice"] = p.CompareAtPrice?.ToDecimal(), ["stock"] = p.Stock,
        ["categoryId"] = p.CategoryId, ["tags"] = p.Tags.ToList(), ["isFeatured"] = p.IsFeatured,
        ["status"] = p.Status.ToString().ToLowerInvariant(),
        ["seoTitle"] = p.SeoTitle, ["seoDescription"] = p.SeoDescription,
        ["attributes"] = p.Attributes.Select(a => $"{a.Name}={a.Value}").ToList(),
        ["specifications"] = p.Specifications.Select(a => $"{a.Name}={a.Value}").ToList(),
        ["images"] = p.Images.OrderBy(i => i.SortOrder).Select(i => i.Url).ToList(),
    };

    private static ProductEdit ToEdit(Product p, bool inOrders) => new(
        p.Id, p.Name, p.Slug, p.Sku, p.Description, p.LongDescription, p.Price.ToDecimal(), p.CompareAtPrice?.ToDecimal(),
        p.CategoryId, p.Stock, p.Tags, p.Attributes.Select(a => new NameValue(a.Name, a.Value)).ToList(),
        p.Specifications.Select(a => new NameValue(a.Name, a.Value)).ToList(), p.IsFeatured, p.Status,
        p.Images.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(ToImage).ToList(), inOrders, p.CreatedAt, p.UpdatedAt, p.Version)
        {
            SeoTitle = p.SeoTitle, SeoDescription = p.SeoDescription,
        };

    private static AdminImage ToImage(ProductImage i) => new(i.Id, i.Url, i.AltText, i.IsPrimary, i.SortOrder);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Error ProductNotFound(int id) => Error.NotFound($"Product with ID '{id}' not found");
}
