using Ecommerce.Shared.Common;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Data.Seeding;
using Ecommerce.Shared.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Data;

/// <summary>Start-up work before the first request: data folder, migrations, WAL, roles and admin, seeding.</summary>
public static class StoreInitializer
{
    public static async Task InitializeStoreAsync(this IServiceProvider services, bool isDevelopment, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Ecommerce.Startup");
        Directory.CreateDirectory(provider.GetRequiredService<DataDirectory>().Path);

        var db = provider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await db.ConfigureDatabaseAsync(cancellationToken);

        await provider.GetRequiredService<AdminBootstrapper>().EnsureAsync(isDevelopment, Console.Out);

        var store = provider.GetRequiredService<IOptions<StoreSettings>>().Value;
        if (!isDevelopment && Uri.TryCreate(store.PublicUrl, UriKind.Absolute, out var publicUrl) && publicUrl.IsLoopback)
            logger.LogWarning("Store:PublicUrl is {PublicUrl}: links in e-mails will point there. Set it to the store's public address.", store.PublicUrl);

        var seed = provider.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (seed.DemoCatalog && await provider.GetRequiredService<DemoCatalogSeeder>().SeedIfEmptyAsync(db, cancellationToken))
            logger.LogInformation("Demo catalog loaded into the empty database.");
        if (seed.SyntheticProducts > 0)
            await provider.GetRequiredService<SyntheticCatalogSeeder>().EnsureAsync(seed.SyntheticProducts, cancellationToken);
    }
}
