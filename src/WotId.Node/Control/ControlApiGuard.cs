// Who may talk to the control API (docs/node.md "Control API", "Security"). In this order:
// 1. Host must be localhost or 127.0.0.1 (any port; over the Unix socket clients send localhost): a page of another
//    site whose name was rebound to 127.0.0.1 sends its own name and gets 421 (DNS-rebinding protection).
// 2. An Origin header, when present, must be the same origin (http://<Host>): browsers' cross-site requests get 403;
//    no CORS headers are ever sent.
// 3. With the web page on (docs/node.md "Chat in the browser"): a browser's Sec-Fetch-Site, when sent, must be
//    same-origin or none (403); the page's static files and /web/session pass without credentials (the session
//    endpoint checks the one-time token itself).
// 4. Authorization must be "Bearer <token of control.token>", or (web only) the session cookie together with the
//    matching X-Wotid-Csrf header (the csrf query parameter for GET /v1/events, as EventSource sets no headers):
//    a session cookie without it gets 403, no credential 401.
// 5. A declared Content-Length over the body limit is refused (413) before the body is read (except for the file
//    upload, which has its own limit).
using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using WotId.Node.Api;
using WotId.Node.Control.Web;

namespace WotId.Node.Control;

/// <summary>Host, Origin and bearer-token checks in front of every endpoint.</summary>
internal sealed partial class ControlApiGuard(RequestDelegate next, ControlApiToken token, WebAccess web, ILogger<ControlApiGuard> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        string host = request.Headers.Host.ToString();
        if (!IsLocalHost(host))
        {
            LogRejected(logger, "host", request.Method, request.Path.Value ?? string.Empty);
            return ControlApiErrors.WriteAsync(context, StatusCodes.Status421MisdirectedRequest, ControlApiErrors.MisdirectedCode, "the control API answers only to Host localhost or 127.0.0.1", context.RequestAborted);
        }

        if (request.Headers.TryGetValue(HeaderNames.Origin, out Microsoft.Extensions.Primitives.StringValues origin)
            && !string.Equals(origin.ToString(), "http://" + host, StringComparison.OrdinalIgnoreCase))
        {
            LogRejected(logger, "origin", request.Method, request.Path.Value ?? string.Empty);
            return ControlApiErrors.WriteAsync(context, StatusCodes.Status403Forbidden, ControlApiErrors.ForbiddenOriginCode, "cross-origin requests are not allowed", context.RequestAborted);
        }

        if (web.Enabled)
        {
            string? site = request.Headers["Sec-Fetch-Site"];
            if (site is not null && site is not ("same-origin" or "none"))
            {
                LogRejected(logger, "fetch site", request.Method, request.Path.Value ?? string.Empty);
                return ControlApiErrors.WriteAsync(context, StatusCodes.Status403Forbidden, ControlApiErrors.ForbiddenOriginCode, "cross-site requests are not allowed", context.RequestAborted);
            }

            if (WebAssets.Serves(request) || request.Path.Equals(WebEndpoints.SessionPath, StringComparison.Ordinal))
            {
                return next(context);
            }
        }

        bool bearer = token.Matches(request.Headers.Authorization.ToString());
        if (!bearer && web.Enabled && web.Session.IsSession(request.Cookies[WebSession.CookieName(context.Connection.LocalPort)]))
        {
            string? csrf = request.Headers[WebSession.CsrfHeader];
            if (csrf is null && HttpMethods.IsGet(request.Method) && request.Path.Equals("/v1/events", StringComparison.Ordinal))
            {
                csrf = request.Query[WebSession.CsrfQuery];
            }

            if (!web.Session.Authorizes(request.Cookies[WebSession.CookieName(context.Connection.LocalPort)], csrf))
            {
                LogRejected(logger, "csrf", request.Method, request.Path.Value ?? string.Empty);
                return ControlApiErrors.WriteAsync(context, StatusCodes.Status403Forbidden, WebEndpoints.CsrfCode, "the " + WebSession.CsrfHeader + " header is missing or wrong", context.RequestAborted);
            }
        }
        else if (!bearer)
        {
            LogRejected(logger, "token", request.Method, request.Path.Value ?? string.Empty);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return ControlApiErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, ControlApiErrors.Code(NodeError.Unauthorized), "a valid bearer token (control.token in the profile) is required", context.RequestAborted);
        }

        // The upload endpoint has its own, larger bound (ControlApiOptions.MaxUploadBytes) and checks it itself.
        if (request.ContentLength > ControlApiLimits.MaxRequestBodyBytes
            && !(HttpMethods.IsPost(request.Method) && request.Path.Equals(FileUploads.RoutePath, StringComparison.Ordinal)))
        {
            return ControlApiErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ControlApiErrors.PayloadTooLargeCode, $"the request body is larger than {ControlApiLimits.MaxRequestBodyBytes} bytes", context.RequestAborted);
        }

        return next(context);
    }

    /// <summary>localhost or 127.0.0.1, with an optional port.</summary>
    internal static bool IsLocalHost(string host)
    {
        ReadOnlySpan<char> name = host;
        int colon = name.LastIndexOf(':');
        if (colon >= 0)
        {
            ReadOnlySpan<char> port = name[(colon + 1)..];
            if (port.Length is 0 or > 5 || !ushort.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return false;
            }

            name = name[..colon];
        }

        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.SequenceEqual("127.0.0.1");
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "control API refused {Method} {Path}: bad {Check}")]
    private static partial void LogRejected(ILogger logger, string check, string method, string path);
}
