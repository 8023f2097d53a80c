using Microsoft.AspNetCore.Http.Features;

namespace Ecommerce.Web.Hosting;

/// <summary>
/// HEAD works wherever GET does: pages (Razor component endpoints answer only GET and POST), API reads and health
/// checks. A HEAD request runs as a GET whose body is thrown away, so status and headers are the GET's.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Request.Method = HttpMethods.Get;
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
            context.Request.Method = HttpMethods.Head;
        }
    });
}
