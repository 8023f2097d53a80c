using System.Security.Claims;
using Ecommerce.Shared.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Ecommerce.Web.Components.Admin.Shared;

/// <summary>
/// Base of the back-office pages: knows the signed-in admin (for the audit log) and whether the page is live yet
/// (buttons stay disabled until the circuit is attached, so no click lands on the inert prerendered page).
/// </summary>
public abstract class AdminPage : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>True once the page is interactive.</summary>
    protected bool Live => RendererInfo.IsInteractive;

    protected async Task<AdminActor> ActorAsync()
    {
        var user = (await AuthenticationState).User;
        return new AdminActor(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in admin."),
            user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue(ClaimTypes.Name) ?? "");
    }

    protected async Task<string> UserIdAsync() => (await ActorAsync()).UserId;
}
