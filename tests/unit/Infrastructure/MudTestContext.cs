using Bunit;
using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// A bunit context with MudBlazor's services, loose JS interop, interactive server rendering and the store's
/// settings (en-US, USD), disposed asynchronously as MudBlazor's popover service requires.
/// </summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext(StoreSettings? settings = null)
    {
        // Services first: bunit allows no registrations once the provider has been used.
        Services.AddMudServices();
        Services.AddSingleton(Options.Create(settings ?? new StoreSettings()));
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private bool _disposedAsync;

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        _disposedAsync = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (!_disposedAsync) base.Dispose(disposing);
    }
}
