using System.Net;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>The storefront's account forms posted as a browser posts them (antiforgery token from the page, named handler).</summary>
public static class AccountForms
{
    public const string Password = "Sea-Breeze-42!";

    /// <summary>Where a redirect goes, as a path on this site (fails when it leaves the site).</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(new Uri("http://localhost"), response.Headers.Location!);
        Assert.Equal("localhost", target.Host);
        return target.PathAndQuery;
    }

    public static string NewEmail() => $"shopper-{Guid.NewGuid():N}@example.com";

    /// <summary>GETs a page with a form and posts it back with the given fields, as a browser would.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string formSelector, Dictionary<string, string> fields)
    {
        var (page, document) = await client.GetPageAsync(url);
        using (page) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = document.QuerySelector(formSelector);
        Assert.NotNull(form);
        var values = form.HiddenFields();
        Assert.True(values.ContainsKey("__RequestVerificationToken"), "the form has no antiforgery token");
        foreach (var (name, value) in fields) values[name] = value;
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string firstName = "Marina",
        string password = Password, string? confirm = null) =>
        SubmitAsync(client, "/account/register", "form.form", new()
        {
            ["_handler"] = "register",
            ["Input.FirstName"] = firstName,
            ["Input.LastName"] = "Keel",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        SubmitAsync(client, "/account/login", "form.form", new()
        {
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>The value of a cookie the response sets, or null.</summary>
    public static string? SetCookieValue(HttpResponseMessage response, string name) =>
        response.SetCookies().Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
}
