// Headers on every response of the control API (docs/node.md "Chat in the browser", "Security"): a strict
// Content-Security-Policy (only this origin's own script, style and connections; images also as data: URLs for the
// QR codes; no frames, no forms, no base), no MIME sniffing, no Referer.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace WotId.Node.Control.Web;

/// <summary>Adds the security headers when the response starts, whoever writes it.</summary>
internal sealed class WebSecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        HttpResponse response = context.Response;
        response.OnStarting(() =>
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.XFrameOptions = "DENY";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers["Cross-Origin-Opener-Policy"] = "same-origin";
            response.Headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
