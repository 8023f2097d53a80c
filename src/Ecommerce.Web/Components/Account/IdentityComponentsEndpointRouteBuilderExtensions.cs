using Ecommerce.Shared.Customers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Web.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Account endpoints that are not pages: signing out (a form post from the account menu).</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account").ExcludeFromDescription();

        // Signing out renews the account's security stamp: the cookie is not only dropped from this browser, every
        // copy of it (and every API token) stops working too.
        account.MapPost("/logout", async (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] AccountService accounts,
            [FromForm] string? returnUrl) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && signInManager.UserManager.GetUserId(context.User) is { } userId)
                await accounts.SignOutEverywhereAsync(userId, context.RequestAborted);
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(IdentityRedirectManager.SafeLocalUrl(returnUrl));
        });

        return account;
    }
}
