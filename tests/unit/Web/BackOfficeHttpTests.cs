using System.Net;
using Ecommerce.Shared.Catalog;
using Ecommerce.Tests.Unit.Infrastructure;

namespace Ecommerce.Tests.Unit.Web;

/// <summary>
/// The back office over HTTP with cookie sign-in, as a browser meets it: anonymous visitors are sent to sign in and
/// back, customers get the access-denied page with 403, admins get the pages; the CSV export downloads only for
/// admins and follows the grid's filters; uploaded product pictures are served from /media with caching headers.
/// </summary>
[Collection(AdminApiCollection.Name)]
public class BackOfficeHttpTests(AdminApiFixture fixture)
{
    private StoreApp App => fixture.App;

    /// <summary>A cookie-keeping client signed in through the sign-in page.</summary>
    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = App.CreateBrowserClient();
        var (page, document) = await client.GetPageAsync("/account/login");
        using (page) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var values = document.QuerySelector("form.form")!.HiddenFields();
        values["_handler"] = "login";
        values["Input.Email"] = email;
        values["Input.Password"] = password;
        using var posted = await client.PostAsync("/account/login", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return client;
    }

    private Task<HttpClient> AdminAsync() => SignedInAsync(StoreApp.AdminEmail, StoreApp.AdminPassword);

    private Task<HttpClient> CustomerAsync() => SignedInAsync(fixture.Customer.Email, fixture.Customer.Password);

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/products")]
    [InlineData("/admin/products/new")]
    [InlineData("/admin/orders")]
    [InlineData("/admin/customers")]
    [InlineData("/admin/audit")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_back(string path)
    {
        using var response = await App.CreateRawClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(new Uri("http://localhost"), response.Headers.Location!);
        Assert.Equal("/account/login", target.AbsolutePath);
        Assert.Contains($"ReturnUrl={Uri.EscapeDataString(path)}", target.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/products")]
    [InlineData("/admin/orders")]
    [InlineData("/admin/customers")]
    public async Task A_signed_in_customer_gets_the_access_denied_page_with_403(string path)
    {
        using var client = await CustomerAsync();

        // Identity's cookie answers "forbidden" with a redirect to its access-denied page, which says so with 403.
        using var refused = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var target = new Uri(new Uri("http://localhost"), refused.Headers.Location!);
        Assert.Equal("/account/access-denied", target.AbsolutePath);
        var (response, document) = await client.GetPageAsync(target.PathAndQuery);

        using (response) Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Access denied", document.QuerySelector("h1")!.Text());
        Assert.Null(document.QuerySelector(".admin-nav")); // nothing of the back office shows
    }

    [Theory]
    [InlineData("/admin", "Dashboard")]
    [InlineData("/admin/products", "Products")]
    [InlineData("/admin/products/new", "New product")]
    [InlineData("/admin/orders", "Orders")]
    [InlineData("/admin/categories", "Categories")]
    [InlineData("/admin/customers", "Customers")]
    [InlineData("/admin/coupons", "Coupons")]
    [InlineData("/admin/reviews", "Reviews")]
    [InlineData("/admin/audit", "Audit log")]
    public async Task An_admin_gets_each_back_office_page(string path, string heading)
    {
        using var client = await AdminAsync();

        var (response, document) = await client.GetPageAsync(path);

        using (response) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, document.QuerySelector("h1")!.Text());
        Assert.Contains(" · Back office", document.Title);
        Assert.Equal(8, document.QuerySelectorAll(".admin-nav a").Length);
    }

    [Theory]
    [InlineData("/admin/orders/ORD-1999-999999")]
    [InlineData("/admin/products/987654")]
    [InlineData("/admin/customers/no-such-customer")]
    public async Task An_unknown_order_product_or_customer_is_404(string path)
    {
        using var client = await AdminAsync();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_csv_export_downloads_the_filtered_products_for_admins_only()
    {
        var unique = AdminApiFixture.Unique();
        var sku = $"EXP-{unique}".ToUpperInvariant();
        await fixture.CreateProductAsync(AdminApiFixture.ProductBody(name: $"Export lantern {unique}", sku: sku));
        var url = $"{Ecommerce.Web.Components.Admin.Shared.ProductGridFilters.ExportPath}?q={sku}&status=all";

        using var admin = await AdminAsync();
        using var response = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(string.Join(',', ProductCsvService.Columns), lines[0]);
        Assert.StartsWith($"{sku},Export lantern {unique},", Assert.Single(lines.Skip(1)));

        using var customer = await CustomerAsync();
        using var refused = await customer.GetAsync(url);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain(sku, await refused.Content.ReadAsStringAsync());

        using var anonymous = await App.CreateRawClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/account/login", new Uri(new Uri("http://localhost"), anonymous.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task An_uploaded_picture_is_served_from_media_with_caching_headers()
    {
        var product = (await fixture.CreateProductAsync()).Id();
        var png = TestPictures.Png(4, 3);
        var added = await fixture.WithServiceAsync<ProductAdminService, Ecommerce.Shared.Common.Result<AdminImage>>(s =>
            s.AddImageAsync(fixture.AdminActor, product, new MemoryStream(png), "A picture"));
        Assert.True(added.Succeeded);
        Assert.StartsWith($"/media/products/{product}/", added.Value.Url);

        using var response = await App.CreateRawClient().GetAsync(added.Value.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(7), response.Headers.CacheControl.MaxAge);
        // Stored re-encoded: the same picture, not necessarily the same bytes.
        Assert.Equal((SkiaSharp.SKEncodedImageFormat.Png, 4, 3), TestPictures.Describe(await response.Content.ReadAsByteArrayAsync()));
    }
}
