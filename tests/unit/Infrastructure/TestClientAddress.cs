using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// Stands in for the network in endpoint tests: the in-memory test server gives every request the same (or no)
/// remote address, so a request may name the address it comes from in the <see cref="Header"/> header. The
/// address is set on the connection before anything of the app runs, exactly as a socket would give it.
/// </summary>
public static class TestClientAddress
{
    public const string Header = "X-Test-Client-Address";

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, Filter>();

    /// <summary>A client whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(Header);
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                    context.Request.Headers.Remove(Header);
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
