// Who may talk to the control API (docs/node.md "Control API", "Security"). In this order:
// 1. Host must be localhost or 127.0.0.1 (any port; over the Unix socket clients send localhost): a page of another
//    site whose name was rebound to 127.0.0.1 sends its own name and gets 421 (DNS-rebinding protection).
// 2. An Origin header, when present, must be the same origin (http://<Host>): browsers' cross-site requests get 403;
//    no CORS headers are ever sent.
// 3. Authorization must be "Bearer <token of control.token>": else 401.
// 4. A declared Content-Length over the body limit is refused (413) before the body is read.
using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>Host, Origin and bearer-token checks in front of every endpoint.</summary>
internal sealed partial class ControlApiGuard(RequestDelegate next, ControlApiToken token, ILogger<ControlApiGuard> logger)
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

        if (!token.Matches(request.Headers.Authorization.ToString()))
        {
            LogRejected(logger, "token", request.Method, request.Path.Value ?? string.Empty);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return ControlApiErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, ControlApiErrors.Code(NodeError.Unauthorized), "a valid bearer token (control.token in the profile) is required", context.RequestAborted);
        }

        if (request.ContentLength > ControlApiLimits.MaxRequestBodyBytes)
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
