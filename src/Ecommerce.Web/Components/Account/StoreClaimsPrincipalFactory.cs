using System.Security.Claims;
using Ecommerce.Shared.Customers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ecommerce.Web.Components.Account;

/// <summary>Adds the customer's first name to the sign-in cookie so the account menu can greet them.</summary>
internal sealed class StoreClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.FirstName)) identity.AddClaim(new Claim(ClaimTypes.GivenName, user.FirstName));
        if (!string.IsNullOrWhiteSpace(user.LastName)) identity.AddClaim(new Claim(ClaimTypes.Surname, user.LastName));
        return identity;
    }
}
