using Ecommerce.Shared.Common;
using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the reverse proxies (addresses and CIDR networks) whose X-Forwarded-For,
/// -Proto and -Host headers are believed. Loopback is trusted as ASP.NET Core trusts it by default; any other sender's
/// forwarded headers are ignored, so a client cannot choose its own address, scheme or host.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"{Section}:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"{Section}:KnownNetworks: '{network}' is not a CIDR network such as 10.0.0.0/24.", [nameof(KnownNetworks)]);
    }
}

public static class ProxyHosting
{
    public static IServiceCollection AddStoreForwardedHeaders(this IServiceCollection services)
    {
        services.AddStoreOptions<ForwardedHeadersSettings>(ForwardedHeadersSettings.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>, IConfiguration>((options, settings, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Walk back through every trusted proxy of a chain; the first untrusted hop is the client.
            options.ForwardLimit = null;
            foreach (var proxy in settings.Value.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in settings.Value.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            // A forwarded host must be one the store answers to (AllowedHosts), as a direct request's Host must.
            var hosts = configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            if (hosts.Length > 0 && !hosts.Contains("*"))
                foreach (var host in hosts) options.AllowedHosts.Add(host);
        });
        return services;
    }
}
