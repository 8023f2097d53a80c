using Ecommerce.Shared.Common;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Coupons;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Favorites;
using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Payments;
using Ecommerce.Shared.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecommerce.Shared.Data;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.FirstName).HasMaxLength(Limits.Account.FirstName);
        b.Property(u => u.LastName).HasMaxLength(Limits.Account.LastName);
        b.HasMany(u => u.Addresses).WithOne().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> b)
    {
        b.Property(a => a.FirstName).HasMaxLength(Limits.Address.FirstName);
        b.Property(a => a.LastName).HasMaxLength(Limits.Address.LastName);
        b.Property(a => a.Street).HasMaxLength(Limits.Address.Street);
        b.Property(a => a.Street2).HasMaxLength(Limits.Address.Street2);
        b.Property(a => a.City).HasMaxLength(Limits.Address.City);
        b.Property(a => a.State).HasMaxLength(Limits.Address.State);
        b.Property(a => a.ZipCode).HasMaxLength(Limits.Address.ZipCode);
        b.Property(a => a.Country).HasMaxLength(Limits.Address.Country);
        b.Property(a => a.Phone).HasMaxLength(Limits.Address.Phone);
        b.HasIndex(a => a.UserId);
        // One default address per customer, enforced by the database (the filter reads the same in SQLite and PostgreSQL).
        b.HasIndex(a => a.UserId, "IX_Addresses_UserId_Default").IsUnique().HasFilter("\"IsDefault\"");
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> b)
    {
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.RevokedReason).HasMaxLength(32);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => new { t.UserId, t.RevokedAt });
        b.HasIndex(t => t.FamilyId);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.Property(c => c.Name).HasMaxLength(Limits.Category.Name);
        b.Property(c => c.Slug).HasMaxLength(Limits.Category.Slug);
        b.Property(c => c.Description).HasMaxLength(Limits.Category.Description);
        b.Property(c => c.ImageUrl).HasMaxLength(Limits.Category.ImageUrl);
        b.Property(c => c.SeoTitle).HasMaxLength(Limits.Category.SeoTitle);
        b.Property(c => c.SeoDescription).HasMaxLength(Limits.Category.SeoDescription);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.Slug).IsUnique();
        b.HasOne(c => c.Parent).WithMany(c => c.Children).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.Property(p => p.Name).HasMaxLength(Limits.Product.Name).IsCaseInsensitive();
        b.Property(p => p.Slug).HasMaxLength(Limits.Product.Slug);
        b.Property(p => p.Sku).HasMaxLength(Limits.Product.Sku).IsCaseInsensitive(); // SKU-1 and sku-1 are the same SKU
        b.Property(p => p.Description).HasMaxLength(Limits.Product.Description);
        b.Property(p => p.LongDescription).HasMaxLength(Limits.Product.LongDescription);
        b.Property(p => p.SeoTitle).HasMaxLength(Limits.Product.SeoTitle);
        b.Property(p => p.SeoDescription).HasMaxLength(Limits.Product.SeoDescription);
        b.Property(p => p.OwnerId).HasMaxLength(450);
        b.Ignore(p => p.Price);
        b.Ignore(p => p.CompareAtPrice);

        b.HasIndex(p => p.Slug).IsUnique();
        b.HasIndex(p => p.Sku).IsUnique();
        // The listing queries filter by status and optionally category, then sort by one of these columns.
        b.HasIndex(p => new { p.Status, p.CategoryId });
        // The back office lists products of every status, sorted by any of these.
        b.HasIndex(p => p.Name);
        b.HasIndex(p => p.PriceCents);
        b.HasIndex(p => p.Stock);
        b.HasIndex(p => p.UpdatedAt);
        b.HasIndex(p => p.CategoryId);
        b.HasIndex(p => new { p.Status, p.Name });
        b.HasIndex(p => new { p.Status, p.PriceCents });
        b.HasIndex(p => new { p.Status, p.CreatedAt });
        b.HasIndex(p => new { p.Status, p.Rating });
        // Featured products for the home page: a partial index, as few products are featured.
        b.HasIndex(p => new { p.Status, p.Rating }, "IX_Products_Featured").HasFilter("\"IsFeatured\"");

        b.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Images).WithOne().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);

        b.PrimitiveCollection(p => p.Tags);
        b.OwnsMany(p => p.Attributes, a => a.ToJson());
        b.OwnsMany(p => p.Specifications, s => s.ToJson());
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> b)
    {
        b.Property(i => i.Url).HasMaxLength(Limits.Product.ImageUrl);
        b.Property(i => i.AltText).HasMaxLength(Limits.Product.ImageAlt);
        b.HasIndex(i => new { i.ProductId, i.SortOrder });
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.Property(r => r.AuthorName).HasMaxLength(Limits.Review.AuthorName);
        b.Property(r => r.Title).HasMaxLength(Limits.Review.Title);
        b.Property(r => r.Comment).HasMaxLength(Limits.Review.Comment);
        b.HasIndex(r => new { r.ProductId, r.CreatedAt });
        // One review per customer and product.
        b.HasIndex(r => new { r.ProductId, r.UserId }).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
        b.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FavoriteConfiguration : IEntityTypeConfiguration<Favorite>
{
    public void Configure(EntityTypeBuilder<Favorite> b)
    {
        b.HasKey(f => new { f.UserId, f.ProductId });
        b.HasIndex(f => new { f.UserId, f.CreatedAt });
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Product>().WithMany().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CartConfiguration : IEntityTypeConfiguration<ShoppingCart>
{
    public void Configure(EntityTypeBuilder<ShoppingCart> b)
    {
        b.Property(c => c.CouponCode).HasMaxLength(Limits.Coupon.Code);
        b.HasIndex(c => c.UserId).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
        b.HasIndex(c => c.AnonymousId).IsUnique().HasFilter("\"AnonymousId\" IS NOT NULL");
        b.HasIndex(c => c.UpdatedAt);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CartId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CartItemConfiguration : IEntityTypeConfiguration<CartItem>
{
    public void Configure(EntityTypeBuilder<CartItem> b)
    {
        b.HasIndex(i => new { i.CartId, i.ProductId }).IsUnique();
        b.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> b)
    {
        b.Property(c => c.Code).HasMaxLength(Limits.Coupon.Code);
        b.Property(c => c.Description).HasMaxLength(Limits.Coupon.Description);
        b.Property(c => c.PercentOff).HasPrecision(5, 2);
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.TimesUsed).IsConcurrencyToken();
    }
}

internal sealed class CouponRedemptionConfiguration : IEntityTypeConfiguration<CouponRedemption>
{
    public void Configure(EntityTypeBuilder<CouponRedemption> b)
    {
        b.HasIndex(r => new { r.CouponId, r.UserId });
        b.HasOne<Coupon>().WithMany().HasForeignKey(r => r.CouponId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.Property(o => o.OrderNumber).HasMaxLength(32);
        b.Property(o => o.CustomerEmail).HasMaxLength(Limits.Account.Email);
        b.Property(o => o.CustomerName).HasMaxLength(200);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.CouponCode).HasMaxLength(Limits.Coupon.Code);
        b.Property(o => o.Notes).HasMaxLength(Limits.Order.Notes);
        b.Property(o => o.PaymentMethod).HasMaxLength(50);
        b.Property(o => o.TrackingNumber).HasMaxLength(Limits.Order.TrackingNumber);
        b.Property(o => o.Carrier).HasMaxLength(Limits.Order.Carrier);
        b.Property(o => o.CancelReason).HasMaxLength(Limits.Order.Note);
        b.HasIndex(o => o.OrderNumber).IsUnique();
        b.HasIndex(o => new { o.UserId, o.CreatedAt });
        b.HasIndex(o => new { o.Status, o.CreatedAt });
        b.HasIndex(o => o.CreatedAt);
        b.ComplexProperty(o => o.ShippingAddress, ConfigureAddress);
        b.ComplexProperty(o => o.BillingAddress, ConfigureAddress);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.StatusHistory).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void ConfigureAddress(ComplexPropertyBuilder<OrderAddress> a)
    {
        a.Property(x => x.FirstName).HasMaxLength(Limits.Address.FirstName);
        a.Property(x => x.LastName).HasMaxLength(Limits.Address.LastName);
        a.Property(x => x.Street).HasMaxLength(Limits.Address.Street);
        a.Property(x => x.Street2).HasMaxLength(Limits.Address.Street2);
        a.Property(x => x.City).HasMaxLength(Limits.Address.City);
        a.Property(x => x.State).HasMaxLength(Limits.Address.State);
        a.Property(x => x.ZipCode).HasMaxLength(Limits.Address.ZipCode);
        a.Property(x => x.Country).HasMaxLength(Limits.Address.Country);
        a.Property(x => x.Phone).HasMaxLength(Limits.Address.Phone);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.Property(l => l.ProductName).HasMaxLength(Limits.Product.Name);
        b.Property(l => l.Sku).HasMaxLength(Limits.Product.Sku);
        b.Property(l => l.ImageUrl).HasMaxLength(Limits.Product.ImageUrl);
        b.HasIndex(l => l.ProductId);
        // A product that appears in an order is archived, never deleted.
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> b)
    {
        b.Property(h => h.Note).HasMaxLength(Limits.Order.Note);
        b.Property(h => h.TrackingNumber).HasMaxLength(Limits.Order.TrackingNumber);
        b.Property(h => h.Carrier).HasMaxLength(Limits.Order.Carrier);
        b.Property(h => h.ChangedByUserId).HasMaxLength(450);
        b.Property(h => h.CorrelationId).HasMaxLength(RequestCorrelation.MaxLength);
        b.HasIndex(h => new { h.OrderId, h.CreatedAt });
    }
}

internal sealed class OrderNumberSequenceConfiguration : IEntityTypeConfiguration<OrderNumberSequence>
{
    public void Configure(EntityTypeBuilder<OrderNumberSequence> b)
    {
        b.HasKey(s => s.Year);
        b.Property(s => s.Year).ValueGeneratedNever();
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.Property(p => p.Provider).HasMaxLength(50);
        b.Property(p => p.Method).HasMaxLength(50);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.ProviderReference).HasMaxLength(200);
        b.Property(p => p.FailureMessage).HasMaxLength(1000);
        b.HasIndex(p => p.OrderId);
        b.HasIndex(p => p.ProviderReference);
        b.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Refunds).WithOne().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> b)
    {
        b.Property(r => r.Reason).HasMaxLength(Limits.Order.Note);
        b.Property(r => r.ProviderReference).HasMaxLength(200);
        b.Property(r => r.RequestedByUserId).HasMaxLength(450);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<Audit.AuditEntry>
{
    public void Configure(EntityTypeBuilder<Audit.AuditEntry> b)
    {
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.UserEmail).HasMaxLength(256);
        b.Property(e => e.Channel).HasMaxLength(32);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.EntityType).HasMaxLength(64);
        b.Property(e => e.EntityId).HasMaxLength(128);
        b.Property(e => e.Summary).HasMaxLength(1000);
        b.Property(e => e.CorrelationId).HasMaxLength(RequestCorrelation.MaxLength);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.EntityType, e.EntityId, e.At });
    }
}

internal sealed class StoreSecretConfiguration : IEntityTypeConfiguration<Instances.StoreSecret>
{
    public void Configure(EntityTypeBuilder<Instances.StoreSecret> b)
    {
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(4000);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<Instances.JobLease>
{
    public void Configure(EntityTypeBuilder<Instances.JobLease> b)
    {
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(100);
        b.Property(l => l.Holder).HasMaxLength(200);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<Idempotency.IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<Idempotency.IdempotencyRecord> b)
    {
        b.Property(r => r.Scope).HasMaxLength(500);
        b.Property(r => r.Key).HasMaxLength(Idempotency.IdempotencyRecord.MaxKeyLength);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(2000);
        // Exactly one request claims a key: the insert of the second fails on this index.
        b.HasIndex(r => new { r.Scope, r.Key }).IsUnique();
        b.HasIndex(r => r.ExpiresAt);
    }
}
