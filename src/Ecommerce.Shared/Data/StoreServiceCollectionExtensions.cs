using Ecommerce.Shared.Audit;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Coupons;
using Ecommerce.Shared.Favorites;
using Ecommerce.Shared.Notifications;
using Ecommerce.Shared.Orders;
using Ecommerce.Shared.Payments;
using Ecommerce.Shared.Reporting;
using Ecommerce.Shared.Reviews;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Data.Seeding;
using Ecommerce.Shared.Instances;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecommerce.Shared.Data;

/// <summary>The absolute path of the data folder (database, media, mail pickup, keys).</summary>
public sealed record DataDirectory(string Path);

public static class StoreServiceCollectionExtensions
{

    /// <summary>Registers the store's data, options and application services.</summary>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddStoreOptions<StoreSettings>(StoreSettings.Section);
        services.AddStoreOptions<SeedOptions>(SeedOptions.Section);
        services.AddStoreOptions<AdminOptions>(AdminOptions.Section);
        services.AddStoreOptions<StorageOptions>(StorageOptions.Section);

        // Resolved when first needed, so hosts and tests can override configuration up to start-up.
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
            return new DataDirectory(Path.GetFullPath(Path.Combine(contentRootPath, storage.DataPath)));
        });

        services.TryAddSingleton(TimeProvider.System);
        // The business metrics (docs/telemetry.md); the web host adds the exporters when telemetry is configured.
        services.AddMetrics();
        services.AddSingleton<StoreMetrics>();
        services.AddSingleton<StampingInterceptor>();
        services.AddStoreDatabase(configuration);

        // Several instances on one database: shared secrets, job leases, messages between instances, shared media.
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<StoreSecrets>();
        services.AddSingleton<JobLeases>();
        services.AddSingleton<IMediaStorage, FileSystemMediaStorage>();
        services.AddSingleton<IInstanceBroadcast>(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
            ? ActivatorUtilities.CreateInstance<Postgres.PostgresInstanceBroadcast>(sp)
            : new SingleInstanceBroadcast());
        services.AddSingleton<Postgres.PostgresInstanceListener>();
        services.AddHostedService(sp => sp.GetRequiredService<Postgres.PostgresInstanceListener>());

        services.AddMemoryCache();
        services.AddSingleton<CategoryDirectory>();
        services.AddScoped<CatalogService>();
        services.AddStoreOptions<SeoOptions>(SeoOptions.Section);
        services.AddSingleton<SitemapService>();
        services.AddScoped<CartService>();
        services.AddStoreOptions<CartOptions>(CartOptions.Section);
        services.AddSingleton<AnonymousCartCleanup>();
        services.AddStoreOptions<Idempotency.IdempotencyOptions>(Idempotency.IdempotencyOptions.Section);
        services.AddSingleton<Idempotency.IdempotencyStore>();
        services.AddScoped<CouponService>();
        services.AddScoped<OrderService>();
        services.AddStoreOptions<ShippingOptions>(ShippingOptions.Section);
        services.AddScoped<FavoriteService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<AddressService>();
        services.AddScoped<AccountService>();
        AuthOptions.Register(services);
        services.AddOptions<Microsoft.AspNetCore.Identity.IdentityOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<AuthOptions>>((identity, auth) => IdentityRules.ConfigureLockout(identity, auth.Value));
        services.AddSingleton<AccountAccessCache>();
        services.AddScoped<IInstanceMessageHandler, AccountAccessMessageHandler>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<SignInService>();
        services.AddSingleton<RateCounters>();
        services.AddSingleton<AccountMailLimit>();

        services.AddSingleton<IPaymentMethod>(ManualPaymentMethod.BankTransfer);
        services.AddSingleton<IPaymentMethod>(ManualPaymentMethod.CashOnDelivery);
        services.AddSingleton<PaymentMethodRegistry>();

        // The back office.
        services.AddStoreOptions<MediaOptions>(MediaOptions.Section);
        services.AddScoped<AuditLog>();
        services.AddSingleton<ProductImageStore>();
        services.TryAddScoped<ICatalogChangeNotifier, CategoryDirectoryRefresher>();
        services.AddScoped<ProductAdminService>();
        services.AddScoped<ProductCsvService>();
        services.AddScoped<CategoryAdminService>();
        services.AddScoped<CustomerAdminService>();
        services.AddScoped<ReviewAdminService>();
        services.AddSingleton<IRefundGateway, ManualRefundGateway>();
        services.AddScoped<RefundService>();
        services.AddScoped<DashboardService>();

        services.AddStoreOptions<MailOptions>(MailOptions.Section);
        services.AddSingleton<IEmailSender, PickupFolderEmailSender>();

        services.AddScoped<AdminBootstrapper>();
        services.AddSingleton<DemoCatalogSeeder>();
        services.AddSingleton<SyntheticCatalogSeeder>();
        return services;
    }
}
