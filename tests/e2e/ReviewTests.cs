using System.Net;
using System.Text.RegularExpressions;
using Ecommerce.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ecommerce.Tests.E2E;

/// <summary>
/// Only customers with a paid order of a product may review it, on the product's review page (the product page is the
/// same cached page for everyone and links to it); their review shows at once under their short name.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ReviewTests(StoreFixture store, ITestOutputHelper output)
{
    private const string BoughtSlug = "tidewater-a-novel";
    private const string BoughtName = "Tidewater: A Novel";
    private const string NotBoughtSlug = "shorebirds-of-the-north-atlantic-a-field-guide";
    private const string Title = "Salt air on every page";
    private const string Comment = "Read it in two evenings on the porch. The harbor chapters are the best part.";

    [Fact]
    public async Task Customer_who_bought_a_product_reviews_it()
    {
        var customer = await StoreApi.RegisterCustomerAsync(store.BaseAddress, "Teodora", "Marsh");
        string orderNumber, orderId;
        using (var api = await StoreApi.SignInAsync(store.BaseAddress, customer.Email, customer.Password))
        {
            // Placed through the API: the browser part of the test is the review, not the checkout.
            var product = await api.GetAsync("products/search?q=tidewater");
            var productId = product.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == BoughtSlug).GetProperty("id").GetString();
            await api.PostAsync("cart/items", new { productId, quantity = 1 }, HttpStatusCode.Created);
            var address = await api.PostAsync("users/addresses",
                new { street = "3 Lantern Row", city = "Mystic", state = "CT", zipCode = "06355", country = "United States", isDefault = true }, HttpStatusCode.Created);
            var order = await api.PostAsync("orders",
                new { shippingAddressId = address.GetProperty("id").GetString(), paymentMethodId = "bank_transfer" }, HttpStatusCode.Created);
            orderNumber = order.GetProperty("orderNumber").GetString()!;
            orderId = order.GetProperty("id").GetString()!;
            Assert.Matches(ShoppingUi.OrderNumber, orderNumber);
        }

        await using var session = await store.OpenAsync(output, nameof(Customer_who_bought_a_product_reviews_it), StoreFixtureBase.Desktop);
        var page = session.Page;
        var reviews = page.GetByRole(AriaRole.Region, new() { Name = "Customer reviews" });

        await session.StepAsync("while the order is unpaid, the review page says the review waits for the payment", async () =>
        {
            await session.SignInAsync(customer);
            await session.GotoAsync($"/products/{BoughtSlug}");
            await Expect(page.H1()).ToHaveTextAsync(BoughtName);
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Write a review" }).ClickAsync());
            await Expect(page).ToHaveURLAsync(new Regex($"/products/{BoughtSlug}/review$"));
            await Expect(page.H1()).ToHaveTextAsync($"Review: {BoughtName}");
            await Expect(page.GetByText("You can review this product once your order of it is paid.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit review" })).ToHaveCountAsync(0);
        });

        using (var admin = await StoreApi.SignInAsAdminAsync(store.BaseAddress))
            await admin.PutAsync($"orders/{orderId}/status", new { status = "paid", note = "Bank transfer received" });

        await session.StepAsync("once it is paid, the review page offers the review form", async () =>
        {
            await session.GotoAsync($"/products/{BoughtSlug}");
            await Expect(page.H1()).ToHaveTextAsync(BoughtName);
            await Expect(reviews.GetByText("No reviews yet.", new() { Exact = false })).ToBeVisibleAsync();
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Write a review" }).ClickAsync());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Write a review" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit review" })).ToBeVisibleAsync();
        });

        await session.StepAsync("a review without a rating or text is refused", async () =>
        {
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Submit review" }).ClickAsync());
            await Expect(page.GetByText("Choose a rating from 1 to 5 stars.")).ToBeVisibleAsync();
            await Expect(page.GetByText("Tell other shoppers what you think.")).ToBeVisibleAsync();
            await Expect(page.Flash()).ToHaveCountAsync(0);
        });

        await session.StepAsync("write a 4-star review", async () =>
        {
            await page.GetByRole(AriaRole.Radio, new() { Name = "4 stars", Exact = true }).CheckAsync();
            await page.GetByLabel("Title", new() { Exact = true }).FillAsync(Title);
            await page.GetByLabel("Review", new() { Exact = true }).FillAsync(Comment);
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "4 stars", Exact = true })).ToBeCheckedAsync();
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Submit review" }).ClickAsync());

            await Expect(page).ToHaveURLAsync(new Regex($"/products/{BoughtSlug}#reviews$"));
            await Expect(page.Flash()).ToHaveTextAsync("Thank you for your review.");
        });

        await session.StepAsync("the review is listed under the customer's short name", async () =>
        {
            var items = reviews.Locator(".reviews__list > li");
            await Expect(items).ToHaveCountAsync(1);
            var review = items.First;
            await Expect(review.Locator(".review__title")).ToHaveTextAsync(Title);
            await Expect(review.Locator(".review__comment")).ToHaveTextAsync(Comment);
            await Expect(review.Locator(".review__meta")).ToHaveTextAsync(new Regex($"^{Regex.Escape(customer.ReviewName)} · "));
            Assert.Equal("Teodora M.", customer.ReviewName);

            await Expect(reviews.Locator(".reviews__score")).ToHaveTextAsync("4.0");
            await Expect(reviews.GetByText("1 review", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(reviews.GetByLabel("1 with 4 stars")).ToHaveTextAsync("1");
            await Expect(page.Locator(".product__rating a[href='#reviews']")).ToHaveTextAsync("4.0 · 1 review");

            // One review per product: the form is gone.
            await session.NavigateAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Write a review" }).ClickAsync());
            await Expect(page.GetByText("Thank you — you have reviewed this product.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit review" })).ToHaveCountAsync(0);
        });

        await session.StepAsync("a product the customer did not buy cannot be reviewed", async () =>
        {
            await session.GotoAsync($"/products/{NotBoughtSlug}/review");
            await Expect(page.GetByText("Only customers who bought this product can review it: once you have a paid order of it, you can review it here.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit review" })).ToHaveCountAsync(0);
        });

        using (var anonymous = new StoreApi(store.BaseAddress))
        {
            var product = await anonymous.GetAsync("products/search?q=tidewater");
            var id = product.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == BoughtSlug).GetProperty("id").GetString();
            var details = await anonymous.GetAsync($"products/{id}");
            Assert.Equal(1, details.GetProperty("reviewCount").GetInt32());
            var apiReview = details.GetProperty("reviews").EnumerateArray().Single();
            Assert.Equal(customer.ReviewName, apiReview.GetProperty("userName").GetString());
            Assert.Equal(4, apiReview.GetProperty("rating").GetInt32());
        }

        session.AssertPageHealthy();
    }
}
