using Ecommerce.Api.Infrastructure;
using Ecommerce.Api.RateLimiting;
using Ecommerce.Shared.Cart;
using Ecommerce.Shared.Customers;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Instances;
using Ecommerce.Shared.Orders;
using Ecommerce.Web.Components;
using Ecommerce.Web.Components.Account;
using Ecommerce.Web.Components.Cart;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace Ecommerce.Web.Hosting;

/// <summary>The web host's part: Blazor UI, Identity cookies, health checks and the middleware pipeline.</summary>
public static class WebHostingExtensions
{
    public const string AuthCookieName = "store.auth";
    private const string StoreScheme = "Store";

    public static IServiceCollection AddStoreWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(options =>
        {
            // Bottom left: clear of the pages' headings and of the action panels and save bars on the right.
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            options.SnackbarConfiguration.MaxDisplayedSnackbars = 3;
            options.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped<AntiforgeryStateProvider, OnDemandAntiforgeryStateProvider>());

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = StoreScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            // Pages know the visitor by the sign-in cookie, /api by the bearer token: a request to the API is never
            // authenticated by a cookie (so no cross-site form can act on it), and the user is known before the
            // rate limiter and the endpoints run.
            .AddPolicyScheme(StoreScheme, "Cookie for pages, bearer token for /api", options =>
                options.ForwardDefaultSelector = context => ApiPaths.IsApi(context.Request.Path)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme);
        services.AddAuthentication().AddIdentityCookies();
        services.AddIdentityCore<ApplicationUser>(IdentityRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<StoreUserManager>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StoreClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = AuthCookieName;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
        });
        // A sign-in cookie is checked against the account's security stamp this often, so that a lock, a role change,
        // a password change or a sign-out (which renews the stamp) ends every copy of the cookie.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AuthOptions>>((validator, auth) =>
            validator.ValidationInterval = TimeSpan.FromSeconds(auth.Value.SessionRevalidationSeconds));
        services.AddAuthorization();
        // Antiforgery's cookie is not Secure by default even over https; follow the request's (forwarded) scheme.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // Keys for sign-in cookies and antiforgery tokens live in the database: they survive restarts, and a cookie made
        // by one instance is read by every other.
        services.AddDataProtection().SetApplicationName("Ecommerce.Web").PersistKeysToDbContext<AppDbContext>();

        services.AddScoped<CartState>();
        services.AddSingleton<Ecommerce.Web.Components.Layout.StoreThemeStyles>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);

        services.AddStoreForwardedHeaders();
        services.AddSingleton<IRateLimitRejectionPage, RateLimitRejectionPage>();
        services.AddHostedService<AnonymousCartCleanupJob>();
        services.AddHostedService<IdempotencyPurgeJob>();
        services.AddCorrelationIds();
        services.AddStoreTelemetry(configuration);
        return services;
    }

    public static WebApplication UseStoreWeb(this WebApplication app)
    {
        // First: the client address, scheme and host as the trusted proxy saw them (docs/configuration.md).
        app.UseForwardedHeaders();
        // Then the request's correlation id, so that everything after it (errors and their logs too) carries it.
        app.UseCorrelationIds();
        app.UseApiVersioning();
        app.UseApiCacheDefaults();
        app.UseSecurityHeaders();
        // The Prometheus scrape endpoint (when enabled) judges the client by the address settled just above.
        app.UseStoreMetricsEndpoint();
        app.UseHeadAsGet();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true });
        if (!app.Environment.IsDevelopment()) app.UseHsts();

        // Pages get the friendly 404 page; API paths keep their JSON envelopes.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (ApiPaths.IsApi(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                statusPages.Enabled = false;
            return next(context);
        });
        app.UseApiStatusEnvelopes();

        // Files the store writes at run time (uploaded product images) live in the media storage (Media:Path).
        var media = app.Services.GetRequiredService<IMediaStorage>().LocalFolder
                    ?? throw new InvalidOperationException("The media storage keeps no local folder to serve /media from.");
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/media",
            FileProvider = new PhysicalFileProvider(media),
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public,max-age=604800",
        });

        // Routing after the HEAD rewrite above (pages then match as GET) and after the error pages' re-execution.
        app.UseRouting();
        app.UseAuthentication();
        // After authentication (plans and per-account limits know the caller), before authorization (401s count too).
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseOutputCache();
        return app;
    }

    public static WebApplication MapStoreWeb(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapStorefrontEndpoints();
        app.MapSearchEngineEndpoints();
        app.MapAdminExportEndpoints();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", options => options
            .WithTitle("E-Commerce Platform API")
            .DisableDefaultFonts() // no font requests to another host: the reference works offline
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        // Document 002 points its clients at /swagger for the reference.
        app.MapGet("/swagger/{**rest}", () => Results.Redirect(SecurityHeaders.ApiReferencePath, permanent: true)).ExcludeFromDescription();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
