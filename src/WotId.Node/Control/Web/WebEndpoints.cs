// The browser sign-in (docs/node.md "Chat in the browser"):
//   POST /web/session {"token": one-time token}: same-origin only (an Origin header equal to the server's own is
//     required); sets the HttpOnly, SameSite=Strict session cookie and returns {"csrf": value}. The token works once.
//   GET /web/session: with the session cookie, returns the same {"csrf"} (another tab or a reload of the page).
using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using WotId.Node.Api;

namespace WotId.Node.Control.Web;

/// <summary>The session endpoints of the web page.</summary>
internal static class WebEndpoints
{
    public const string SessionPath = "/web/session";

    /// <summary>A session cookie without its anti-CSRF header.</summary>
    public const string CsrfCode = "csrf_required";

    /// <summary>The one-time token was exchanged already.</summary>
    public const string LinkUsedCode = "link_used";

    public static void Map(IEndpointRouteBuilder routes, WebSession session)
    {
        routes.MapPost(SessionPath, (Func<HttpContext, Task>)(context => ExchangeAsync(context, session))).ExcludeFromDescription();
        routes.MapGet(SessionPath, (Func<HttpContext, Task>)(context => ResumeAsync(context, session))).ExcludeFromDescription();
    }

    private static async Task ExchangeAsync(HttpContext context, WebSession session)
    {
        HttpRequest request = context.Request;
        if (!request.Headers.TryGetValue(HeaderNames.Origin, out Microsoft.Extensions.Primitives.StringValues origin)
            || !string.Equals(origin.ToString(), "http://" + request.Headers.Host.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            // The guard already refused a foreign Origin; here a missing one is refused too (browsers send it on POST).
            await ControlApiErrors.WriteAsync(context, StatusCodes.Status403Forbidden, ControlApiErrors.ForbiddenOriginCode, "the session is opened only by the page itself", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (!request.HasJsonContentType())
        {
            await ControlApiErrors.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, ControlApiErrors.UnsupportedMediaTypeCode, "the request body must be application/json", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        WebSessionRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync(ControlJsonContext.Default.WebSessionRequest, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            body = null;
        }

        switch (session.Exchange(body?.Token, out string id, out string csrf))
        {
            case WebSession.ExchangeResult.Exchanged:
                context.Response.Cookies.Append(WebSession.CookieName(context.Connection.LocalPort), id, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
                    Path = "/",
                    IsEssential = true,
                });
                context.Response.Headers.CacheControl = "no-store";
                await context.Response.WriteAsJsonAsync(new WebSessionResponse(csrf), ControlJsonContext.Default.WebSessionResponse, contentType: null, context.RequestAborted).ConfigureAwait(false);
                return;
            case WebSession.ExchangeResult.AlreadyUsed:
                await ControlApiErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, LinkUsedCode, "this address was opened already; restart the node for a new one", context.RequestAborted).ConfigureAwait(false);
                return;
            default:
                await ControlApiErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, ControlApiErrors.Code(NodeError.Unauthorized), "the address is not this node's (it may have restarted: open the new address it printed)", context.RequestAborted).ConfigureAwait(false);
                return;
        }
    }

    private static Task ResumeAsync(HttpContext context, WebSession session)
    {
        string? csrf = session.CsrfFor(context.Request.Cookies[WebSession.CookieName(context.Connection.LocalPort)]);
        if (csrf is null)
        {
            return ControlApiErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, ControlApiErrors.Code(NodeError.Unauthorized), "no session of this node run: open the address the node printed", context.RequestAborted);
        }

        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(new WebSessionResponse(csrf), ControlJsonContext.Default.WebSessionResponse, contentType: null, context.RequestAborted);
    }
}
