using Ecommerce.Shared.Common;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Data.Seeding;
using Ecommerce.Shared.Data.Sqlite;
using Ecommerce.Shared.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Data;

/// <summary>
/// Start-up work before the first request: data folder, migrations, WAL, roles and admin, seeding. With several
/// instances starting at once, one does the work under <see cref="StartupLock"/> while the others wait, then find it done.
/// </summary>
public static class StoreInitializer
{
    public static async Task InitializeStoreAsync(this IServiceProvider services, bool isDevelopment, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Ecommerce.Startup");
        var data = provider.GetRequiredService<DataDirectory>();
        Directory.CreateDirectory(data.Path);

        await using var lockContext = await provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        await using var startupLock = await StartupLock.AcquireAsync(lockContext, data, cancellationToken);

        var db = provider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await db.ConfigureDatabaseAsync(cancellationToken);
        await TakeOverFolderKeysAsync(db, data, logger, cancellationToken);

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

    /// <summary>
    /// Cookie and antiforgery keys now live in the database (every instance reads them); the keys an older version kept
    /// in the data folder are copied in once, so that sign-ins made before the upgrade keep working.
    /// </summary>
    private static async Task TakeOverFolderKeysAsync(AppDbContext db, DataDirectory data, ILogger logger, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(data.Path, "keys");
        if (!Directory.Exists(folder) || await db.DataProtectionKeys.AnyAsync(cancellationToken)) return;
        var files = Directory.GetFiles(folder, "key-*.xml");
        if (files.Length == 0) return;
        foreach (var file in files)
        {
            db.DataProtectionKeys.Add(new Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = await File.ReadAllTextAsync(file, cancellationToken),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Took over {Count} cookie protection keys from {Folder} into the database", files.Length, folder);
    }
}
