using System.Text.RegularExpressions;
using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

/// <summary>
/// The back office on the real app: an admin builds a category and a product with uploaded pictures that the
/// storefront then shows, moves a customer's order to shipped while the customer watches, the pages refuse
/// customers and send visitors to sign in, and the order page and product editor work at phone width.
/// These tests run on a store of their own (<see cref="BackOfficeFixture"/>): what they create would otherwise
/// show up in the shopping tests' category bar and listings.
/// </summary>
[Collection(BackOfficeCollection.Name)]
public sealed class BackOfficeTests(BackOfficeFixture store, ITestOutputHelper output)
{
    private static readonly Address ShipTo = new("Ines", "Carvalho", "7 Lantern Row", "Rockland", "ME", "04841", "United States");

    [Fact]
    [Trait("Category", "PostgresSmoke")] // also run on PostgreSQL by ./test.sh
    public async Task Admin_creates_a_category_and_a_product_with_pictures_and_the_store_shows_them()
    {
        const string categoryName = "Lighthouse Keeping";
        const string categorySlug = "lighthouse-keeping";
        const string productName = "Breakwater Signal Lantern";
        const string productSlug = "breakwater-signal-lantern";
        const string sku = "E2E-LANTERN-01";
        const string secondAlt = "The lantern lit at dusk";
        var firstPicture = Png.Solid(96, 96, 0x1f, 0x5f, 0x7a);
        var secondPicture = Png.Solid(96, 96, 0xc2, 0x5b, 0x2a);

        await using var session = await store.OpenAsync(output, nameof(Admin_creates_a_category_and_a_product_with_pictures_and_the_store_shows_them), StoreFixtureBase.Desktop);
        var page = session.Page;
        var main = page.AdminMain();
        var productId = 0;
        string firstUrl = "", secondUrl = "";

        await session.StepAsync("admin signs in", async () =>
        {
            await session.SignInAsync(AdminUi.Admin);
            await session.GotoAsync("/admin/categories");
            await Expect(page.H1()).ToHaveTextAsync("Categories");
            await Expect(page.AdminNav().GetByRole(AriaRole.Link, new() { Name = "Categories" })).ToHaveAttributeAsync("aria-current", "page");
            await Expect(page.GetByRole(AriaRole.Treeitem).Filter(new() { HasText = categoryName })).ToHaveCountAsync(0);
        });

        await session.StepAsync("new category dialog", async () =>
        {
            var create = main.GetByRole(AriaRole.Button, new() { Name = "New category" });
            await ShoppingUi.WaitForInteractiveAsync(create);
            await create.ClickAsync();

            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToBeVisibleAsync();
            await Expect(dialog).ToContainTextAsync("New category");
            await dialog.Field("Name").FillAsync(categoryName);
            await dialog.Field("Description").FillAsync("Lamps, lanterns and the brass that keeps them burning.");
            // The slug is left empty: the store makes it from the name, and says so while typing.
            await Expect(dialog.Field("Slug")).ToHaveAttributeAsync("placeholder", categorySlug);
            await AdminUi.ExpectMudSelectAsync(dialog.MudSelect("Parent"), "None (top level)");
        });

        await session.StepAsync("create the category", async () =>
        {
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();

            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(page.Snackbar().Filter(new() { HasText = $"Category {categoryName} created." })).ToBeVisibleAsync();
            var node = page.GetByRole(AriaRole.Treeitem).Filter(new() { HasText = categoryName });
            await Expect(node).ToHaveCountAsync(1);
            await Expect(node).ToHaveAttributeAsync("aria-level", "1");
            await Expect(node.Locator("a.cat-slug")).ToHaveAttributeAsync("href", $"/c/{categorySlug}");
            await Expect(node.Locator(".cat-count")).ToHaveTextAsync("0 products");
        });

        await session.StepAsync("new product form with a picture chosen before creating", async () =>
        {
            await session.NavigateAsync(() => page.AdminNav().GetByRole(AriaRole.Link, new() { Name = "Products" }).ClickAsync());
            await Expect(page.H1()).ToHaveTextAsync("Products");
            await session.NavigateAsync(() => main.GetByRole(AriaRole.Link, new() { Name = "New product" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex("/admin/products/new$"));
            await Expect(page.H1()).ToHaveTextAsync("New product");
            await ShoppingUi.WaitForInteractiveAsync(main.GetByRole(AriaRole.Button, new() { Name = "Create product" }));

            await main.Field("Name").FillAsync(productName);
            await main.Field("SKU").FillAsync(sku);
            await main.Field("Short description").FillAsync("A brass storm lantern that stays lit in a gale.");
            await main.Field("Description").FillAsync("Hand-finished brass with a tempered glass globe.\n\nBurns eight hours on one filling.");
            await main.Field("Price (USD)").FillAsync("24.50");
            await main.Field("Compare-at price (USD)").FillAsync("32.00");
            await main.Field("Stock").FillAsync("12");
            await page.SelectMudOptionAsync(main, "Category", categoryName);
            await AdminUi.ExpectMudSelectAsync(main.MudSelect("Category"), categoryName);
            var tags = main.Field("Tags");
            await tags.FillAsync("lantern");
            await tags.PressAsync("Enter");
            await Expect(main.GetByLabel("Tags", new() { Exact = true }).Locator(".mud-chip").Filter(new() { HasText = "lantern" })).ToHaveCountAsync(1);
            await Expect(main.Field("Slug")).ToHaveAttributeAsync("placeholder", productSlug);

            var pictures = page.AdminCard("Pictures");
            await Expect(pictures).ToContainTextAsync("They are uploaded when the product is created.");
            await pictures.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "lantern-front.png", MimeType = "image/png", Buffer = firstPicture });
            var items = PictureItems(page);
            await Expect(items).ToHaveCountAsync(1);
            await Expect(items.First).ToContainTextAsync("lantern-front.png");
            await Expect(items.First).ToContainTextAsync("not uploaded yet");
            await Expect(items.First.Locator(".admin-chip")).ToHaveTextAsync("Primary");
            await Expect(pictures.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        });

        await session.StepAsync("create product uploads the picture", async () =>
        {
            await main.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(@"/admin/products/\d+$"), new() { Timeout = 20_000 });
            productId = int.Parse(new Uri(page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
            await Expect(page.H1()).ToHaveTextAsync(productName);
            await Expect(page.Snackbar().Filter(new() { HasText = $"Product {productName} created." })).ToBeVisibleAsync();
            await Expect(main.Locator(".product-title .admin-chip")).ToHaveTextAsync("active");
            await Expect(main.Field("Slug")).ToHaveValueAsync(productSlug);
            await Expect(main.GetByRole(AriaRole.Link, new() { Name = "View in store" })).ToHaveAttributeAsync("href", $"/products/{productSlug}");
            await Expect(main.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToBeEnabledAsync();

            var items = PictureItems(page);
            await Expect(items).ToHaveCountAsync(1);
            await Expect(items.First).Not.ToContainTextAsync("not uploaded yet");
            await Expect(items.First.Locator(".admin-chip")).ToHaveTextAsync("Primary");
            firstUrl = (await items.First.Locator("img").GetAttributeAsync("src"))!;
            Assert.Matches(new Regex($@"^/media/products/{productId}/[0-9a-f]{{32}}\.png$"), firstUrl);
        });

        await session.StepAsync("upload a second picture to the saved product and make it primary", async () =>
        {
            var pictures = page.AdminCard("Pictures");
            await Expect(pictures).Not.ToContainTextAsync("They are uploaded when the product is created.");
            await pictures.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "lantern-lit.png", MimeType = "image/png", Buffer = secondPicture });
            var items = PictureItems(page);
            await Expect(items).ToHaveCountAsync(2);
            // A saved product's picture is stored at once: it has its URL straight away.
            await Expect(items.Nth(1).Locator("img")).ToHaveAttributeAsync("src", new Regex($@"^/media/products/{productId}/[0-9a-f]{{32}}\.png$"));
            secondUrl = (await items.Nth(1).Locator("img").GetAttributeAsync("src"))!;
            Assert.NotEqual(firstUrl, secondUrl);

            var makePrimary = pictures.GetByRole(AriaRole.Button, new() { Name = "Make picture 2 primary" });
            await Expect(makePrimary).ToBeEnabledAsync();
            await makePrimary.ClickAsync();
            await Expect(items.Nth(1).Locator(".admin-chip")).ToHaveTextAsync("Primary");
            await Expect(pictures.GetByRole(AriaRole.Button, new() { Name = "Make picture 1 primary" })).ToBeVisibleAsync();

            var alt = pictures.GetByLabel("Alt text of picture 2", new() { Exact = true });
            await alt.FillAsync(secondAlt);
            await alt.BlurAsync();
            await Expect(pictures.GetByRole(AriaRole.Button, new() { Name = "Move picture 2 later" })).ToBeDisabledAsync();
            await Expect(pictures.GetByRole(AriaRole.Button, new() { Name = "Move picture 1 earlier" })).ToBeDisabledAsync();
        });

        await session.StepAsync("change the stock and save changes", async () =>
        {
            await main.Field("Stock").FillAsync("15");
            await main.Field("Stock").BlurAsync();
            await main.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await Expect(page.Snackbar().Filter(new() { HasText = $"Saved {productName}." })).ToBeVisibleAsync();
            await Expect(main.Field("Stock")).ToHaveValueAsync("15");

            // The alt text was saved when its field was left: a fresh load of the editor shows it.
            await session.GotoAsync($"/admin/products/{productId}");
            await ShoppingUi.WaitForInteractiveAsync(main.GetByRole(AriaRole.Button, new() { Name = "Save changes" }));
            var items = PictureItems(page);
            await Expect(items).ToHaveCountAsync(2);
            await Expect(page.AdminCard("Pictures").GetByLabel("Alt text of picture 2", new() { Exact = true })).ToHaveValueAsync(secondAlt);
            await Expect(items.Nth(1).Locator(".admin-chip")).ToHaveTextAsync("Primary");
            await Expect(main.Field("Stock")).ToHaveValueAsync("15");
            await AdminUi.ExpectMudSelectAsync(main.MudSelect("Category"), categoryName);
        });

        await session.StepAsync("the products grid finds it by name", async () =>
        {
            await session.NavigateAsync(() => page.AdminNav().GetByRole(AriaRole.Link, new() { Name = "Products" }).ClickAsync());
            await Expect(page.H1()).ToHaveTextAsync("Products");
            var search = main.Field("Search name or SKU");
            await Expect(search).ToBeEnabledAsync(new() { Timeout = 20_000 });
            await search.FillAsync("signal lantern");

            await Expect(page).ToHaveURLAsync(new Regex(@"[?&]q=signal(%20|\+)lantern"));
            var names = main.Locator("a.products-name");
            await Expect(names).ToHaveCountAsync(1);
            await Expect(names).ToHaveTextAsync(productName);
            await Expect(names).ToHaveAttributeAsync("href", $"/admin/products/{productId}");
            var row = main.GetByRole(AriaRole.Row).Filter(new() { Has = page.Locator("a.products-name") });
            await Expect(row).ToContainTextAsync(sku);
            await Expect(row).ToContainTextAsync(categoryName);
            await Expect(row).ToContainTextAsync("$24.50");
            await Expect(row.Locator("td.num").Last).ToHaveTextAsync("15");
            await Expect(row.Locator("img.products-thumb")).ToHaveAttributeAsync("src", secondUrl);
        });

        await session.StepAsync("the category page lists it", async () =>
        {
            await session.GotoAsync($"/c/{categorySlug}");
            await Expect(page.H1()).ToHaveTextAsync(categoryName);
            await Expect(page.CategoryBar().GetByRole(AriaRole.Link, new() { Name = categoryName, Exact = true })).ToHaveAttributeAsync("href", $"/c/{categorySlug}");
            var cards = page.ListingResults().ProductCards();
            await Expect(cards).ToHaveCountAsync(1);
            var card = page.ListingResults().ProductCard(productName);
            await Expect(card).ToBeVisibleAsync();
            await Expect(card.CardPrices()).ToHaveTextAsync("$24.50");
            await Expect(card.Locator("img").First).ToHaveAttributeAsync("src", secondUrl);
        });

        await session.StepAsync("the product page shows name, price and the uploaded pictures", async () =>
        {
            var picture = await page.RunAndWaitForResponseAsync(
                () => session.GotoAsync($"/products/{productSlug}"),
                response => new Uri(response.Url).AbsolutePath == secondUrl);
            await Expect(page.H1()).ToHaveTextAsync(productName);
            await Expect(page.Locator(".product__price .price-tag__now")).ToHaveTextAsync("$24.50");
            await Expect(page.Locator(".product__price .price-tag__was")).ToHaveTextAsync("$32.00");
            await Expect(page.Locator(".product__category")).ToHaveTextAsync(categoryName);
            await Expect(page.Locator(".product__stock")).ToContainTextAsync($"SKU {sku}");

            var gallery = page.GetByRole(AriaRole.Region, new() { Name = $"Pictures of {productName}" });
            var primary = gallery.Locator(".gallery__stage img.gallery__image--0");
            await Expect(primary).ToHaveAttributeAsync("src", secondUrl);
            await Expect(primary).ToHaveAttributeAsync("alt", secondAlt);
            await Expect(gallery.Locator(".gallery__stage img.gallery__image--1")).ToHaveAttributeAsync("src", firstUrl);
            await Expect(gallery.Locator(".gallery__stage img.gallery__image--1")).ToHaveAttributeAsync("alt", productName);
            Assert.Equal(96, await primary.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : -1"));

            Assert.Equal(200, picture.Status);
            var headers = await picture.AllHeadersAsync();
            Assert.True(headers.TryGetValue("cache-control", out var cacheControl) && !string.IsNullOrWhiteSpace(cacheControl),
                $"The uploaded picture {secondUrl} has no Cache-Control header.");
            Assert.Contains("max-age=", cacheControl);
            Assert.Equal("image/png", headers.GetValueOrDefault("content-type"));
            // Uploads are re-encoded (only pixels are stored): the same picture, not the same bytes.
            AssertSamePicture(secondPicture, await picture.BodyAsync());

            // The other picture is served too.
            var first = await page.APIRequest.GetAsync(firstUrl);
            Assert.Equal(200, first.Status);
            Assert.False(string.IsNullOrWhiteSpace(first.Headers.GetValueOrDefault("cache-control")), $"{firstUrl} has no Cache-Control header.");
            AssertSamePicture(firstPicture, await first.BodyAsync());
        });

        session.AssertPageHealthy();
    }

    private static void AssertSamePicture(byte[] uploaded, byte[] served)
    {
        using var expected = SkiaSharp.SKBitmap.Decode(uploaded);
        using var actual = SkiaSharp.SKBitmap.Decode(served);
        Assert.NotNull(actual);
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        Assert.Equal(expected.GetPixel(expected.Width / 2, expected.Height / 2), actual.GetPixel(actual.Width / 2, actual.Height / 2));
    }

    [Fact]
    public async Task Admin_ships_an_order_and_the_customer_sees_it()
    {
        const string productName = "Tidepool Card Game";
        const string trackingNumber = "9400-E2E-7781";
        const string carrier = "USPS";
        var customer = await StoreApi.RegisterCustomerAsync(store.BaseAddress, ShipTo.FirstName, ShipTo.LastName);
        string orderNumber;
        using (var customerApi = await StoreApi.SignInAsync(store.BaseAddress, customer.Email, customer.Password))
        {
            var productId = await customerApi.ProductIdAsync(productName);
            var placed = await customerApi.PlaceBankTransferOrderAsync(productId, 2, ShipTo);
            orderNumber = placed.GetProperty("orderNumber").GetString()!;
            Assert.Equal("pending", placed.GetProperty("status").GetString());
        }

        await using var session = await store.OpenAsync(output, nameof(Admin_ships_an_order_and_the_customer_sees_it), StoreFixtureBase.Desktop);
        var page = session.Page;
        var main = page.AdminMain();

        await session.StepAsync("admin finds the order in the list", async () =>
        {
            await session.SignInAsync(AdminUi.Admin);
            await session.GotoAsync("/admin/orders");
            await Expect(page.H1()).ToHaveTextAsync("Orders");
            var link = main.GetByRole(AriaRole.Link, new() { Name = orderNumber, Exact = true });
            await Expect(link).ToHaveAttributeAsync("href", $"/admin/orders/{orderNumber}");
            var row = main.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = orderNumber, Exact = true }) });
            await Expect(row).ToContainTextAsync(customer.Email);
            await Expect(row.Locator(".admin-chip")).ToHaveTextAsync("Pending");
        });

        await session.StepAsync("the order page while pending", async () =>
        {
            await session.NavigateAsync(() => main.GetByRole(AriaRole.Link, new() { Name = orderNumber, Exact = true }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex($"/admin/orders/{orderNumber}$"));
            await Expect(page.H1()).ToHaveTextAsync($"Order {orderNumber}");
            await Expect(main.Locator(".order-title .admin-chip")).ToHaveTextAsync("Pending");
            await ShoppingUi.WaitForInteractiveAsync(page.OrderActions().GetByRole(AriaRole.Button, new() { Name = "Mark paid" }));

            var line = main.Locator(".order-lines tbody tr");
            await Expect(line).ToHaveCountAsync(1);
            await Expect(line).ToContainTextAsync(productName);
            await Expect(line.Locator("td.num").Nth(1)).ToHaveTextAsync("2");
            await Expect(page.AdminCard("Customer")).ToContainTextAsync(customer.Email);
            await Expect(page.AdminCard("Shipping address")).ToContainTextAsync(ShipTo.Street);
            await Expect(page.AdminCard("Shipping address")).ToContainTextAsync($"{ShipTo.City}, {ShipTo.State} {ShipTo.ZipCode}");
            await Expect(page.AdminCard("Payment").Locator(".order-facts")).ToContainTextAsync("Bank transfer");
            await Expect(page.OrderActions().GetByRole(AriaRole.Button, new() { Name = "Cancel order" })).ToBeVisibleAsync();
            await Expect(page.OrderActions().Field("Tracking number")).ToHaveCountAsync(0);
            await Expect(page.OrderHistoryEntries()).ToHaveCountAsync(1);
            await Expect(page.OrderHistoryEntries().First.Locator(".admin-chip")).ToHaveTextAsync("Pending");
        });

        await session.StepAsync("mark paid", async () =>
        {
            await page.AdvanceOrderAsync("Mark paid", "Paid", "Bank transfer received");
            await Expect(page.Snackbar().Filter(new() { HasText = $"Order {orderNumber} is now paid." })).ToBeVisibleAsync();
            await Expect(page.OrderHistoryEntries()).ToHaveCountAsync(2);
            var latest = page.OrderHistoryEntries().First;
            await Expect(latest).ToContainTextAsync("Bank transfer received");
            await Expect(latest).ToContainTextAsync($"by {StoreServer.AdminEmail}");
            // The step's note field is empty again for the next step.
            await Expect(page.OrderActions().Field("Note")).ToHaveValueAsync("");
        });

        await session.StepAsync("mark processing", async () =>
        {
            await page.AdvanceOrderAsync("Mark processing", "Processing", "Packing at the harbor warehouse");
            await Expect(page.OrderHistoryEntries()).ToHaveCountAsync(3);
            await Expect(page.OrderHistoryEntries().First).ToContainTextAsync("Packing at the harbor warehouse");
            // Shipping asks for tracking.
            await Expect(page.OrderActions().Field("Tracking number")).ToBeVisibleAsync();
            await Expect(page.OrderActions().Field("Carrier")).ToBeVisibleAsync();
        });

        await session.StepAsync("mark shipped with tracking", async () =>
        {
            await page.AdvanceOrderAsync("Mark shipped", "Shipped", "Left the harbor this morning", trackingNumber, carrier);
            await Expect(page.Snackbar().Filter(new() { HasText = $"Order {orderNumber} is now shipped." })).ToBeVisibleAsync();

            var history = page.OrderHistoryEntries();
            await Expect(history).ToHaveCountAsync(4);
            Assert.Equal(["Shipped", "Processing", "Paid", "Pending"],
                (await history.Locator(".admin-chip").AllTextContentsAsync()).Select(t => t.Trim()).ToArray());
            await Expect(history.First).ToContainTextAsync("Left the harbor this morning");
            await Expect(history.First.Locator(".order-history__tracking")).ToContainTextAsync(carrier);
            await Expect(history.First.Locator(".order-history__tracking code")).ToHaveTextAsync(trackingNumber);
            await Expect(history.Nth(2)).ToContainTextAsync("Bank transfer received");

            await Expect(page.AdminCard("Shipping address").Locator(".order-tracking")).ToContainTextAsync(carrier);
            await Expect(page.AdminCard("Shipping address").Locator(".order-tracking code")).ToHaveTextAsync(trackingNumber);
            // Next comes delivery; a shipped order can no longer be cancelled.
            await Expect(page.OrderActions().GetByRole(AriaRole.Button, new() { Name = "Mark delivered" })).ToBeEnabledAsync();
            await Expect(page.OrderActions().GetByRole(AriaRole.Button, new() { Name = "Cancel order" })).ToHaveCountAsync(0);
        });

        await session.StepAsync("a reload shows the same history", async () =>
        {
            await page.ReloadAsync();
            await session.WaitForStreamingAsync();
            await ShoppingUi.WaitForInteractiveAsync(page.OrderActions().GetByRole(AriaRole.Button, new() { Name = "Mark delivered" }));
            await Expect(main.Locator(".order-title .admin-chip")).ToHaveTextAsync("Shipped");
            await Expect(page.OrderHistoryEntries()).ToHaveCountAsync(4);
        });

        await using (var shopper = await store.OpenAsync(output, nameof(Admin_ships_an_order_and_the_customer_sees_it) + "-customer", StoreFixtureBase.Desktop))
        {
            var customerPage = shopper.Page;
            await shopper.StepAsync("the customer sees the order shipped with its tracking", async () =>
            {
                await shopper.SignInAsync(customer);
                await shopper.GotoAsync($"/account/orders/{orderNumber}");
                await Expect(customerPage.H1()).ToHaveTextAsync($"Order {orderNumber}");
                await Expect(customerPage.Locator(".order-head .order-status")).ToHaveTextAsync("Shipped");

                var timeline = customerPage.Locator(".timeline__item");
                await Expect(timeline).ToHaveCountAsync(4);
                Assert.Equal(["Shipped", "Processing", "Paid", "Pending"],
                    (await timeline.Locator("strong").AllInnerTextsAsync()).Select(t => t.Trim()).ToArray());
                await Expect(timeline.First).ToContainTextAsync("Left the harbor this morning");
                await Expect(timeline.First.Locator(".timeline__tracking")).ToContainTextAsync(carrier);
                await Expect(timeline.First.Locator(".timeline__tracking code")).ToHaveTextAsync(trackingNumber);

                var tracking = customerPage.GetByRole(AriaRole.Region, new() { Name = "Tracking" });
                await Expect(tracking).ToBeVisibleAsync();
                await Expect(tracking.Locator("div").Filter(new() { HasText = "Carrier" }).Locator("dd")).ToHaveTextAsync(carrier);
                await Expect(tracking.Locator("div").Filter(new() { HasText = "Tracking number" }).Locator("dd")).ToHaveTextAsync(trackingNumber);
                await Expect(customerPage.Locator(".order-facts").Filter(new() { HasText = "Payment status" })).ToContainTextAsync("Paid");
                await Expect(customerPage.GetByRole(AriaRole.Button, new() { Name = "Cancel order" })).ToHaveCountAsync(0);
            });
            shopper.AssertPageHealthy();
        }

        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Back_office_refuses_customers_and_sends_visitors_to_sign_in()
    {
        var customer = await StoreApi.RegisterCustomerAsync(store.BaseAddress, "Tomas", "Brandt");

        await using (var session = await store.OpenAsync(output, nameof(Back_office_refuses_customers_and_sends_visitors_to_sign_in) + "-customer", StoreFixtureBase.Desktop))
        {
            var page = session.Page;

            await session.StepAsync("a customer's account menu has no Admin entry", async () =>
            {
                await session.SignInAsync(customer);
                await page.AccountMenu().ClickAsync();
                await Expect(page.AppBar().GetByRole(AriaRole.Menuitem, new() { Name = "My orders" })).ToBeVisibleAsync();
                await Expect(page.AppBar().GetByRole(AriaRole.Menuitem, new() { Name = "Admin", Exact = true })).ToHaveCountAsync(0);
                // The home page is shared (the same HTML for everyone): the admin links are in it, hidden, and only
                // store.js shows them, for an admin.
                await Expect(page.AppBar().Locator("a[href='/admin']")).ToBeHiddenAsync();
            });

            foreach (var path in new[] { "/admin", "/admin/products" })
            {
                await session.StepAsync($"a customer opening {path} is refused with 403", async () =>
                {
                    var response = await session.GotoAsync(path);
                    Assert.NotNull(response);
                    Assert.Equal(403, response!.Status);
                    var asked = response.Request.RedirectedFrom;
                    Assert.NotNull(asked);
                    Assert.Equal(path, new Uri(asked!.Url).AbsolutePath);
                    Assert.Equal(302, (await asked.ResponseAsync())!.Status);
                    // The authorization middleware turns the customer away before the router runs: the cookie handler
                    // redirects to the access-denied page, which names the page asked for and answers 403.
                    await Expect(page).ToHaveURLAsync(new Regex($"/account/access-denied\\?ReturnUrl={Regex.Escape(Uri.EscapeDataString(path))}$"));
                    await Expect(page.H1()).ToHaveTextAsync("Access denied");
                    await Expect(page.GetByText("Your account does not have permission to open this page.")).ToBeVisibleAsync();
                    await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the shop" })).ToHaveAttributeAsync("href", "/");
                    // Nothing of the back office's content is shown.
                    await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToHaveCountAsync(0);
                    await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products", Exact = true })).ToHaveCountAsync(0);
                    await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New product" })).ToHaveCountAsync(0);
                });
            }

            session.AssertPageHealthy(e => e.Contains("403"));
        }

        await using (var session = await store.OpenAsync(output, nameof(Back_office_refuses_customers_and_sends_visitors_to_sign_in) + "-visitor", StoreFixtureBase.Desktop))
        {
            var page = session.Page;

            await session.StepAsync("a visitor opening /admin/orders is sent to sign in", async () =>
            {
                await session.GotoAsync("/admin/orders");
                await Expect(page).ToHaveURLAsync(new Regex(@"/account/login\?returnUrl=%2Fadmin%2Forders$", RegexOptions.IgnoreCase));
                await Expect(page.H1()).ToHaveTextAsync("Sign in");
            });

            await session.StepAsync("after signing in as the admin the visitor lands on /admin/orders", async () =>
            {
                await page.GetByLabel("Email").FillAsync(AdminUi.Admin.Email);
                await page.GetByLabel("Password").FillAsync(AdminUi.Admin.Password);
                await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync());

                await Expect(page).ToHaveURLAsync(new Regex(@"/admin/orders$"));
                await Expect(page.H1()).ToHaveTextAsync("Orders");
                await Expect(page.AdminNav().GetByRole(AriaRole.Link, new() { Name = "Orders" })).ToHaveAttributeAsync("aria-current", "page");
            });

            await session.StepAsync("the admin's account menu has an Admin entry", async () =>
            {
                await session.GotoAsync("/");
                await Expect(page.AccountMenu()).ToContainTextAsync(AdminUi.Admin.FirstName);
                await page.AccountMenu().ClickAsync();
                var admin = page.AppBar().GetByRole(AriaRole.Menuitem, new() { Name = "Admin", Exact = true });
                await Expect(admin).ToBeVisibleAsync();
                await Expect(admin).ToHaveAttributeAsync("href", "/admin");

                var response = await page.RunAndWaitForResponseAsync(() => admin.ClickAsync(),
                    r => new Uri(r.Url).AbsolutePath == "/admin" && r.Request.Method == "GET");
                Assert.Equal(200, response.Status);
                await Expect(page).ToHaveURLAsync(new Regex(@"/admin$"));
                await Expect(page.H1()).ToHaveTextAsync("Dashboard");
            });

            session.AssertPageHealthy();
        }
    }

    [Fact]
    public async Task Order_page_and_product_editor_at_phone_width()
    {
        const string orderedProduct = "Fogbank Wooden Brain Teaser Cube";
        const string editedProduct = "Roll & Tide Dice Game";
        var customer = await StoreApi.RegisterCustomerAsync(store.BaseAddress, "Noor", "Albers");
        string orderNumber;
        int editedId;
        using (var customerApi = await StoreApi.SignInAsync(store.BaseAddress, customer.Email, customer.Password))
        {
            var placed = await customerApi.PlaceBankTransferOrderAsync(await customerApi.ProductIdAsync(orderedProduct), 1,
                ShipTo with { FirstName = "Noor", LastName = "Albers" });
            orderNumber = placed.GetProperty("orderNumber").GetString()!;
            editedId = await customerApi.ProductIdAsync(editedProduct);
        }

        await using var session = await store.OpenAsync(output, nameof(Order_page_and_product_editor_at_phone_width), StoreFixtureBase.Phone);
        var page = session.Page;
        var main = page.AdminMain();

        await session.StepAsync("order page at phone width", async () =>
        {
            await session.SignInAsync(AdminUi.Admin);
            await session.GotoAsync($"/admin/orders/{orderNumber}");
            await Expect(page.H1()).ToHaveTextAsync($"Order {orderNumber}");
            await ShoppingUi.WaitForInteractiveAsync(page.OrderActions().GetByRole(AriaRole.Button, new() { Name = "Mark paid" }));
            await session.AssertNoHorizontalScrollAsync();
        });

        await session.StepAsync("mark paid is reachable and works", async () =>
        {
            var actions = page.OrderActions();
            await actions.Field("Note").FillAsync("Paid at the counter");
            await actions.Field("Note").BlurAsync();
            await AssertTappableAsync(page, actions.GetByRole(AriaRole.Button, new() { Name = "Mark paid" }), "the Mark paid button");
            await AssertTappableAsync(page, actions.GetByRole(AriaRole.Button, new() { Name = "Cancel order" }), "the Cancel order button");
            await actions.GetByRole(AriaRole.Button, new() { Name = "Mark paid" }).TapAsync();

            await Expect(main.Locator(".order-title .admin-chip")).ToHaveTextAsync("Paid");
            await Expect(page.OrderHistoryEntries()).ToHaveCountAsync(2);
            await Expect(page.OrderHistoryEntries().First).ToContainTextAsync("Paid at the counter");
            await AssertTappableAsync(page, actions.GetByRole(AriaRole.Button, new() { Name = "Mark processing" }), "the Mark processing button");
            await session.AssertNoHorizontalScrollAsync();
        });

        await session.StepAsync("mark shipped with tracking at phone width", async () =>
        {
            await page.OrderActions().GetByRole(AriaRole.Button, new() { Name = "Mark processing" }).TapAsync();
            await Expect(main.Locator(".order-title .admin-chip")).ToHaveTextAsync("Processing");
            var actions = page.OrderActions();
            await AssertInsideViewportAsync(page, actions.Field("Tracking number"), "the Tracking number field");
            await AssertInsideViewportAsync(page, actions.Field("Carrier"), "the Carrier field");
            await actions.Field("Tracking number").FillAsync("PH-390-844");
            await actions.Field("Carrier").FillAsync("DHL");
            await actions.Field("Carrier").BlurAsync();
            await AssertTappableAsync(page, actions.GetByRole(AriaRole.Button, new() { Name = "Mark shipped" }), "the Mark shipped button");
            await actions.GetByRole(AriaRole.Button, new() { Name = "Mark shipped" }).TapAsync();

            await Expect(main.Locator(".order-title .admin-chip")).ToHaveTextAsync("Shipped");
            await Expect(page.OrderHistoryEntries().First.Locator(".order-history__tracking code")).ToHaveTextAsync("PH-390-844");
            await session.AssertNoHorizontalScrollAsync();
        });

        await session.StepAsync("product editor at phone width", async () =>
        {
            await session.GotoAsync($"/admin/products/{editedId}");
            await Expect(page.H1()).ToHaveTextAsync(editedProduct);
            var save = main.GetByRole(AriaRole.Button, new() { Name = "Save changes" });
            await ShoppingUi.WaitForInteractiveAsync(save);
            await session.AssertNoHorizontalScrollAsync();
            foreach (var label in new[] { "Name", "SKU", "Slug", "Price (USD)", "Stock" })
                await AssertInsideViewportAsync(page, main.Field(label), $"the {label} field");
            await AssertInsideViewportAsync(page, page.AdminCard("Pictures").GetByRole(AriaRole.Button, new() { Name = "Add pictures" }), "the Add pictures button");
        });

        await session.StepAsync("save changes is reachable and works", async () =>
        {
            var stock = main.Field("Stock");
            await stock.FillAsync("7");
            await stock.BlurAsync();
            var save = main.GetByRole(AriaRole.Button, new() { Name = "Save changes" });
            await AssertTappableAsync(page, save, "the Save changes button");
            await save.TapAsync();

            await Expect(page.Snackbar().Filter(new() { HasText = $"Saved {editedProduct}." })).ToBeVisibleAsync();
            await Expect(stock).ToHaveValueAsync("7");
            await session.AssertNoHorizontalScrollAsync();
        });

        session.AssertPageHealthy();
    }

    /// <summary>The pictures of the product editor's "Pictures" card, in display order.</summary>
    private static ILocator PictureItems(IPage page) =>
        page.AdminCard("Pictures").GetByRole(AriaRole.List, new() { Name = "Pictures in display order" }).GetByRole(AriaRole.Listitem);

    private static async Task AssertInsideViewportAsync(IPage page, ILocator element, string what)
    {
        await element.ScrollIntoViewIfNeededAsync();
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"{what} has no box.");
        var width = page.ViewportSize!.Width;
        Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5,
            $"{what} spans {box.X:0}–{box.X + box.Width:0} px, outside the {width} px viewport.");
    }

    /// <summary>Visible, inside the viewport once scrolled to, enabled, big enough for a finger and not covered by anything.</summary>
    private static async Task AssertTappableAsync(IPage page, ILocator button, string what)
    {
        await AssertInsideViewportAsync(page, button, what);
        await Expect(button).ToBeEnabledAsync();
        var box = (await button.BoundingBoxAsync())!;
        Assert.True(box.Height >= 28, $"{what} is only {box.Height:0} px tall: too small to tap.");
        var onTop = await button.EvaluateAsync<bool>("""
            b => { const r = b.getBoundingClientRect();
                   const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                   return hit === b || b.contains(hit); }
            """);
        Assert.True(onTop, $"Something covers the middle of {what}.");
    }
}
