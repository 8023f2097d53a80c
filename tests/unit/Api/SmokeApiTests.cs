using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Api;

public class SmokeApiTests(StoreAppFixture fixture) : IClassFixture<StoreAppFixture>
{
    [Fact]
    public async Task Lists_products()
    {
        var response = await fixture.App.CreateClient().GetAsync("/api/v1/products");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fixture.App.DataPath, fixture.App.Services.GetRequiredService<Ecommerce.Shared.Data.DataDirectory>().Path);
        Assert.True(File.Exists(Path.Combine(fixture.App.DataPath, "ecommerce.db")));
    }
}

public sealed class StoreAppFixture : IDisposable
{
    public StoreApp App { get; } = new();
    public void Dispose() => App.Dispose();
}
