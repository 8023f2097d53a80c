using Ecommerce.Api.RateLimiting;
using Ecommerce.Web.Components.Account;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// A storefront form post over its rate limit goes back where the shopper was, with a message saying how long to
/// wait: a page's own form (sign-in, registration…) to that page, the catalog's "Add to cart" and favourite forms
/// to the page they came from.
/// </summary>
public sealed class RateLimitRejectionPage : IRateLimitRejectionPage
{
    public async Task RejectAsync(HttpContext context, int retryAfterSeconds)
    {
        var request = context.Request;
        string back;
        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            back = request.PathBase + request.Path + request.QueryString;
        else
            back = IdentityRedirectManager.SafeLocalUrl(request.HasFormContentType ? (await request.ReadFormAsync(context.RequestAborted))["returnUrl"].ToString() : null);

        Flash.Set(context.Response, Flash.Kind.Error,
            $"You're doing that too often. Please wait {StoreRateLimiting.WaitText(retryAfterSeconds)} and try again.");
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = back;
    }
}
