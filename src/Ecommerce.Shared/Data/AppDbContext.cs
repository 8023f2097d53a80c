using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Coupons;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Favorites;
using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Payments;
using Ecommerce.Shared.Reviews;
using Ecommerce.Shared.Instances;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Ecommerce.Shared.Data.Postgres;
using Ecommerce.Shared.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Shared.Data;

/// <summary>The store's one database: Identity's tables and every capability's entities.</summary>
public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductImage> ProductImages => Set<ProductImage>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Favorite> Favorites => Set<Favorite>();
    public DbSet<ShoppingCart> Carts => Set<ShoppingCart>();
    public DbSet<CartItem> CartItems => Set<CartItem>();
    public DbSet<Coupon> Coupons => Set<Coupon>();
    public DbSet<CouponRedemption> CouponRedemptions => Set<CouponRedemption>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<OrderStatusChange> OrderStatusChanges => Set<OrderStatusChange>();
    public DbSet<OrderNumberSequence> OrderNumberSequences => Set<OrderNumberSequence>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    // What several instances share: the keys that protect cookies and antiforgery tokens, generated secrets, job leases.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoreSecret> StoreSecrets => Set<StoreSecret>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<Idempotency.IdempotencyRecord> IdempotencyRecords => Set<Idempotency.IdempotencyRecord>();

    /// <summary>The full-text product search of the database this context talks to.</summary>
    public IProductSearch ProductSearch => Database.IsNpgsql() ? PostgresProductSearch.Instance : SqliteProductSearch.Instance;

    /// <summary>The row and name locks of the database this context talks to, for writers that must take turns.</summary>
    public IDatabaseLocks Locks => Database.IsNpgsql() ? PostgresDatabaseLocks.Instance : SqliteDatabaseLocks.Instance;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Columns compared without regard to letter case (SKUs, names): SQLite's NOCASE collation, PostgreSQL's citext.
        var postgres = Database.IsNpgsql();
        if (postgres) builder.HasPostgresExtension("citext");
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties()).Where(CaseInsensitiveText.IsMarked))
        {
            if (postgres) property.SetColumnType("citext");
            else property.SetCollation(SqliteDatabase.CaseInsensitiveCollation);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC in the database and comes back marked as UTC (JSON then shows a trailing Z).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        // Enums are stored by name, so the data reads well and survives reordering of members.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
