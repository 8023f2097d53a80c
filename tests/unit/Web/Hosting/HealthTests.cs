using System.Net;
using Ecommerce.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Web.Hosting;

public class HealthTests(StoreAppFixture fixture) : IClassFixture<StoreAppFixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Reports_healthy(string path)
    {
        using var response = await fixture.App.CreateRawClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_data_folder_holds_the_database_on_sqlite_and_no_database_file_on_postgres()
    {
        Assert.Equal(fixture.App.DataPath, fixture.App.Services.GetRequiredService<Ecommerce.Shared.Data.DataDirectory>().Path);
        var file = Path.Combine(fixture.App.DataPath, "ecommerce.db");
        if (TestProvider.IsPostgres)
        {
            // On PostgreSQL nothing of the database lives in the data folder.
            Assert.False(File.Exists(file));
            Assert.True(await fixture.App.WithDbAsync(db => Task.FromResult(Microsoft.EntityFrameworkCore.NpgsqlDatabaseFacadeExtensions.IsNpgsql(db.Database))));
            return;
        }
        Assert.True(File.Exists(file));
        var journal = await fixture.App.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
        Assert.Equal("wal", Assert.Single(journal));
    }
}

public class UnhealthyDatabaseTests
{
    [Fact]
    public async Task Ready_reports_unhealthy_when_the_database_is_gone()
    {
        using var app = new StoreApp(new Dictionary<string, string?> { ["Seed:DemoCatalog"] = "false" });
        var client = app.CreateRawClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        using (app.TakeDatabaseAway())
        {
            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());

            using var live = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
    }
}
