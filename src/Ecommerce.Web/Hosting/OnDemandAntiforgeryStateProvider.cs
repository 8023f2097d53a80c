using Ecommerce.Api.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Forms;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// Issues an antiforgery token only when a form on the page asks for one (<c>&lt;AntiforgeryToken /&gt;</c>).
/// The framework's provider persists a token into every server-rendered page, which sets an antiforgery
/// cookie on every response and so makes no catalog page cacheable. Forms posted from static pages are
/// rendered during a request, so the token is generated there; interactive forms do not post over HTTP.
/// A token belongs to one visitor: the response that carries one is marked personal and never output-cached, even
/// when the visitor already had the antiforgery cookie (and so no cookie is set).
/// </summary>
internal sealed class OnDemandAntiforgeryStateProvider(IHttpContextAccessor httpContextAccessor, IAntiforgery antiforgery)
    : AntiforgeryStateProvider
{
    private AntiforgeryRequestToken? _token;

    public override AntiforgeryRequestToken? GetAntiforgeryToken()
    {
        if (_token is not null) return _token;
        if (httpContextAccessor.HttpContext is not { } context) return null;
        var tokens = antiforgery.GetAndStoreTokens(context);
        PersonalResponse.Mark(context);
        return _token = tokens.RequestToken is null ? null : new AntiforgeryRequestToken(tokens.RequestToken, tokens.FormFieldName);
    }
}
